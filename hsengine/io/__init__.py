"""Files in and out: readers that turn a file or stdin into rows (nothing lost), writers that
turn results back into rows (CSV, JSON Lines, JSON), and the self-contained HTML report."""

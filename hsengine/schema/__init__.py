"""Reading the YAML that maintainers write: line and column for every value (`yamlload`)."""

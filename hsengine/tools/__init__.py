"""For maintainers and evaluators, never imported by the engine: evaluation on labelled data (`evaluate`) and the rule catalogue (`catalogue`)."""

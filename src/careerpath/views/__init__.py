"""What a person reads: the report and its sections, the group view, exports, tables."""

"""Exporters: the model into formats other systems read (QTI 3.0, Moodle XML, GIFT) and the
supervised exam paper. Each takes the model, never the built site."""

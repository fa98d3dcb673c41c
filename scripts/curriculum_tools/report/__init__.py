"""`curriculum report`: read supervisors' records, apply signoff.yml, write a cohort report.

records.py parses and checks record files (with line numbers), signoff.py decides each
trainee's status per competency, outputs.py writes the CSV and the HTML atomically."""

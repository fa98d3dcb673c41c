"""Supervisors' records and signoff.yml -> the cohort report (records.py, evaluate.py,
outputs.py, html.py), and certification on top of it: the certification settings and the
entrustment level each competency reached (certification.py), and the committee's decision
records (decisions.py)."""

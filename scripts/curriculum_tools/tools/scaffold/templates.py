"""The files `curriculum new` writes. `$name` is filled in; `$$` is a literal dollar sign.
Everything only the author can write is a placeholder the validator flags (rule
`placeholder`): text containing TODO, ids starting with todo-."""

from string import Template

MODULE = Template("""\
---
# yaml-language-server: $$schema=../../schemas/module.schema.json
id: $id
title: $title
track: $track
order: $order  # position in the track; the track page lists modules in this order
summary: "TODO: one or two sentences, shown on the track page and in search."
estimated_minutes: 30  # reading and quiz time
# 3 to 6 objectives, each starting with an observable verb (name, explain, identify,
# respond...). Give each a short id (lower-case words joined by hyphens); the quiz refers to it.
objectives:
  - id: todo-objective-1
    text: "TODO: an observable learning objective."
  - id: todo-objective-2
    text: "TODO: an observable learning objective."
  - id: todo-objective-3
    text: "TODO: an observable learning objective."
# Competency ids from competencies.yml: $competency_ids
competencies: [$competencies]
quiz: $quiz  # create it with: curriculum new quiz --module $id
# Every source the module relies on. Cite it in the text as [@id]. Give a DOI (10.xxxx/...)
# where one exists, otherwise a url; a book may give an isbn instead.
references:
  - id: todo-reference
    authors: "TODO: Surname AB, Surname CD, et al."
    year: $year
    title: "TODO: title of the article, chapter or book"
    source: "TODO: journal with volume and pages, or the publisher of a book"
    doi: "10.0000/TODO"
review:
  author: "TODO: your name and profession"
  reviewer_role: "TODO: the profession of the clinical reviewer, e.g. Psycho-oncology psychologist"
  last_reviewed: $today  # set by the reviewer when they approve the pull request
  interval_months: 24
---

## Why this matters

TODO: why this matters to someone who leads a group for people with advanced cancer.
Cite your sources like this [@todo-reference].

## TODO: a heading for each part of the teaching

TODO: teach one idea per section, in plain English and your own words. Quiz questions link
to these headings. Mark what the evidence does not settle as clinical judgement:

!!! judgement "Clinical judgement"
    TODO: what the evidence does not settle, and how experienced facilitators decide.

## Case vignette

TODO: a short, invented case (no real patient) that shows the ideas at work in a group.

## Reflection questions

- TODO: a question the reader can answer from their own practice.

## Key points

- TODO: the three to five things to remember.
""")

QUIZ_HEADER = Template("""\
# yaml-language-server: $$schema=../schemas/quiz.schema.json
id: $id
module: $module
title: $title
pass_mark: 70            # percent of the scored points
mode: practice           # practice: check as you go; exam: answer all, submit once
shuffle: false           # shuffle options on each attempt
partial_credit: true     # multiple choice, ordering and matching earn part marks
# Question types: single_choice, multiple_choice, true_false, ordering, matching, reflection,
# scenario (see CONTRIBUTING.md for an example of each). Every objective of the module needs
# at least one scored question.
# Sections (heading anchors) of module $module: $anchors
questions:
""")

QUIZ_QUESTION = Template("""\
  - id: $question_id
    type: single_choice
    objective: $objective
    section: $section
    prompt: "TODO: a question that checks the objective, ideally set in a group."
    options:
      - id: a
        text: "TODO: the correct answer"
        correct: true
        feedback: "TODO: why this is right."
      - id: b
        text: "TODO: a plausible answer that is wrong"
        feedback: "TODO: why this is not right, and what is."
    explanation: "TODO: the point of the question, in one or two sentences."
""")

QUIZ_REFLECTION = """\
  - id: todo-reflection
    type: reflection
    section: todo-section
    prompt: "TODO: a question to think about; the answer stays in the trainee's browser."
    guidance: "TODO: points to consider after writing."
"""

CHECKLIST_HEADER = Template("""\
# yaml-language-server: $$schema=../schemas/checklist.schema.json
id: $id
version: 1  # raise it whenever you change the items
title: $title
purpose: "TODO: what this observation is for."
setting: "TODO: where and how it is observed."
# Competency ids from competencies.yml: $competency_ids
competencies: [$competencies]
guidance: "TODO: how the observer should use the form."
items:
""")

CHECKLIST_ITEM = Template("""\
  - id: todo-item-$n
    text: "TODO: one observable behaviour."
    competencies: [$competency]
    required: true
    guidance: "TODO: what to look for."
""")

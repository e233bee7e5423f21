"""Every write of the cliëntoverleg, one module per part of the process:

- `case_request`  — C1, C2: who may ask, about whom, why, with whose consent
- `intake`        — C1–C3: the coordinator takes the request in and appoints the chair
- `consent`       — C1, C4, C8: whose consent counts; giving and withdrawing it
- `table`         — C3–C5, C7: participants, confidentiality, the help coordinator
- `consultations` — C3, C7: the table's consultations and their invitations
- `plan`          — C6, C7: the work plan, its versions, the client's agreement, agreeing it
- `follow_up`     — C7, C9: actions done, a follow-up consultation, closing with bottlenecks
- `bottlenecks`   — C9: counts per quarter and region, system signals from five cases
- `privacy`       — C8: the family's export and anonymisation after the retention period
- `_common`       — what they share: who acts, the case under a row lock, a status step
"""

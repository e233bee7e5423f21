"""Every write of the cliëntoverleg, one module per part of the process:

- `consent`  — C1/C4/C8: whose consent counts, giving and withdrawing it
- `intake`   — C1–C3: the request, taking it in, appointing the chair
- `table`    — C4/C5: participants, confidentiality, consultations and their invitations
- `plan`     — C6/C7/C9: the work plan, its versions, follow-up, closing and bottlenecks
- `privacy`  — C8: the family's export, anonymisation after retention, key rotation
"""

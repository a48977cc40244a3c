"""claims_view shows inferred dates: as_of is the stated date, else the one `lossledger infer-dates` inferred
(as_of_inferred 1, as_of_evidence the match that dates it).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# frozen here: a later change to the view is a later migration
CLAIMS_VIEW = """
CREATE VIEW claims_view AS
SELECT
    c.id AS claim_id,
    c.claimant AS claimant,
    e.side AS claimant_side,
    c.side AS side,
    c.population AS population,
    c.category AS category,
    c.metric AS metric,
    c.qualifier AS qualifier,
    c.value AS value,
    c.low AS low,
    c.high AS high,
    COALESCE(c.as_of, i.as_of) AS as_of,
    CASE WHEN c.as_of IS NULL AND i.as_of IS NOT NULL THEN 1 ELSE 0 END AS as_of_inferred,
    CASE WHEN c.as_of IS NULL THEN i.evidence END AS as_of_evidence,
    c.period_start AS period_start,
    c.period_end AS period_end,
    c.modality AS modality,
    c.stance AS stance,
    (SELECT count(*) FROM mentions m WHERE m.claim_id = c.id) AS mentions,
    (SELECT count(DISTINCT d.outlet_id) FROM mentions m JOIN documents d ON d.id = m.document_id
      WHERE m.claim_id = c.id) AS outlets,
    b.evidence AS evidence,
    bd.url AS evidence_url,
    bo.name AS evidence_outlet,
    bd.published AS evidence_published,
    bd.doc AS evidence_doc
FROM claims c
LEFT JOIN entities e ON e.id = c.claimant_id
LEFT JOIN mentions b ON b.id = (
    SELECT m.id FROM mentions m JOIN documents d ON d.id = m.document_id
    WHERE m.claim_id = c.id
    ORDER BY CASE WHEN d.published IS NULL THEN 1 ELSE 0 END, d.published, m.id
    LIMIT 1)
LEFT JOIN documents bd ON bd.id = b.document_id
LEFT JOIN entities bo ON bo.id = bd.outlet_id
LEFT JOIN inferred_dates i ON i.claim_id = c.id
"""

# the view of 0001, restored by a downgrade
OLD_VIEW = """
CREATE VIEW claims_view AS
SELECT
    c.id AS claim_id,
    c.claimant AS claimant,
    e.side AS claimant_side,
    c.side AS side,
    c.population AS population,
    c.category AS category,
    c.metric AS metric,
    c.qualifier AS qualifier,
    c.value AS value,
    c.low AS low,
    c.high AS high,
    c.as_of AS as_of,
    c.period_start AS period_start,
    c.period_end AS period_end,
    c.modality AS modality,
    c.stance AS stance,
    (SELECT count(*) FROM mentions m WHERE m.claim_id = c.id) AS mentions,
    (SELECT count(DISTINCT d.outlet_id) FROM mentions m JOIN documents d ON d.id = m.document_id
      WHERE m.claim_id = c.id) AS outlets,
    b.evidence AS evidence,
    bd.url AS evidence_url,
    bo.name AS evidence_outlet,
    bd.published AS evidence_published,
    bd.doc AS evidence_doc
FROM claims c
LEFT JOIN entities e ON e.id = c.claimant_id
LEFT JOIN mentions b ON b.id = (
    SELECT m.id FROM mentions m JOIN documents d ON d.id = m.document_id
    WHERE m.claim_id = c.id
    ORDER BY CASE WHEN d.published IS NULL THEN 1 ELSE 0 END, d.published, m.id
    LIMIT 1)
LEFT JOIN documents bd ON bd.id = b.document_id
LEFT JOIN entities bo ON bo.id = bd.outlet_id
"""


def upgrade() -> None:
    op.execute("DROP VIEW claims_view")
    op.execute(CLAIMS_VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW claims_view")
    op.execute(OLD_VIEW)

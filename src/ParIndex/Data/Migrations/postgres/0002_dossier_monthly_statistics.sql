-- ParIndex schema, version 0002: monthly dossier statistics (docs/decisions/0010-dossier-monthly-statistics.md).
-- The indicators read three small tables kept in step with the dossiers, instead of three covering indexes on the
-- dossier table (which were most of the import's write time). The tables are filled from the stored dossiers here;
-- from then on the importer and every EF Core change to a dossier keep them in the same transaction.

CREATE TABLE dossier_ended_stats (
    end_month integer NOT NULL,
    unit_id integer NOT NULL,
    resolved bigint NOT NULL,
    on_time bigint NOT NULL,
    late bigint NOT NULL,
    late_with_apology bigint NOT NULL,
    with_result bigint NOT NULL,
    processing_days bigint NOT NULL,
    electronic_results bigint NOT NULL,
    rated bigint NOT NULL,
    not_satisfied bigint NOT NULL,
    CONSTRAINT pk_dossier_ended_stats PRIMARY KEY (end_month, unit_id)
);
CREATE TABLE dossier_open_stats (
    open_span smallint NOT NULL,
    received_month integer NOT NULL,
    unit_id integer NOT NULL,
    overdue_from date NOT NULL,
    pending bigint NOT NULL,
    with_apology bigint NOT NULL,
    CONSTRAINT pk_dossier_open_stats PRIMARY KEY (open_span, received_month, unit_id, overdue_from)
);
CREATE TABLE dossier_received_stats (
    received_month integer NOT NULL,
    unit_id integer NOT NULL,
    procedure_id integer NOT NULL,
    received bigint NOT NULL,
    online bigint NOT NULL,
    postal bigint NOT NULL,
    end_to_end bigint NOT NULL,
    digitised bigint NOT NULL,
    fee_bearing bigint NOT NULL,
    paid_online bigint NOT NULL,
    with_promise bigint NOT NULL,
    CONSTRAINT pk_dossier_received_stats PRIMARY KEY (received_month, unit_id, procedure_id)
);

INSERT INTO dossier_received_stats (received_month, unit_id, procedure_id, received, online, postal, end_to_end, digitised, fee_bearing, paid_online, with_promise)
SELECT received_month, unit_id, procedure_id, COUNT(*),
    SUM(CASE WHEN channel = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN channel = 3 THEN 1 ELSE 0 END),
    SUM(CASE WHEN end_to_end THEN 1 ELSE 0 END), SUM(CASE WHEN digitised THEN 1 ELSE 0 END),
    SUM(CASE WHEN payment <> 0 THEN 1 ELSE 0 END), SUM(CASE WHEN payment = 2 THEN 1 ELSE 0 END),
    SUM(CASE WHEN due_promised THEN 1 ELSE 0 END)
FROM dossiers GROUP BY received_month, unit_id, procedure_id;

INSERT INTO dossier_ended_stats (end_month, unit_id, resolved, on_time, late, late_with_apology, with_result, processing_days, electronic_results, rated, not_satisfied)
SELECT end_month, unit_id, COUNT(*),
    SUM(CASE WHEN outcome = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN outcome = 2 THEN 1 ELSE 0 END),
    SUM(CASE WHEN outcome = 2 AND has_apology THEN 1 ELSE 0 END),
    COUNT(processing_days), COALESCE(SUM(processing_days), 0),
    SUM(CASE WHEN electronic_result THEN 1 ELSE 0 END), SUM(CASE WHEN rating <> 0 THEN 1 ELSE 0 END),
    SUM(CASE WHEN rating = 3 THEN 1 ELSE 0 END)
FROM dossiers WHERE end_month IS NOT NULL GROUP BY end_month, unit_id;

INSERT INTO dossier_open_stats (open_span, received_month, unit_id, overdue_from, pending, with_apology)
SELECT open_span, received_month, unit_id, COALESCE(overdue_from, '9999-12-31'), COUNT(*), SUM(CASE WHEN has_apology THEN 1 ELSE 0 END)
FROM dossiers WHERE open_span IS NOT NULL GROUP BY open_span, received_month, unit_id, COALESCE(overdue_from, '9999-12-31');

DROP INDEX ix_dossiers_received;
DROP INDEX ix_dossiers_ended;
DROP INDEX ix_dossiers_open;

CREATE INDEX ix_dossiers_unapologised ON dossiers (unit_id, received_month) WHERE outcome <> 1 AND NOT has_apology;

-- ParIndex schema, version 0001 (initial). Hand-maintained: see docs/decisions/0002-hand-written-sql-migrations.md.
CREATE TABLE "asp_net_roles" (
    "id" TEXT NOT NULL CONSTRAINT "pk_asp_net_roles" PRIMARY KEY,
    "name" TEXT NULL,
    "normalized_name" TEXT NULL,
    "concurrency_stamp" TEXT NULL
);

CREATE TABLE "audit_entries" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_audit_entries" PRIMARY KEY AUTOINCREMENT,
    "at_utc" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_key" TEXT NOT NULL,
    "old_value" TEXT NULL,
    "new_value" TEXT NULL,
    "reason" TEXT NULL
);

CREATE TABLE "blocks" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_blocks" PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NULL,
    "is_published" INTEGER NOT NULL,
    "published_at_utc" TEXT NULL,
    "published_by" TEXT NULL
);

CREATE TABLE "calendar_notices" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_calendar_notices" PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "notice_json" TEXT NOT NULL,
    "updated_at_utc" TEXT NOT NULL,
    "updated_by" TEXT NULL
);

CREATE TABLE "campaign_phases" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_campaign_phases" PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "opens_on" TEXT NULL,
    "closes_on" TEXT NULL,
    "state" TEXT NOT NULL,
    "opened_at_utc" TEXT NULL,
    "opened_by" TEXT NULL,
    "closed_at_utc" TEXT NULL,
    "closed_by" TEXT NULL,
    "reason" TEXT NULL,
    "updated_at_utc" TEXT NOT NULL,
    "updated_by" TEXT NULL,
    "concurrency_stamp" TEXT NOT NULL
);

CREATE TABLE "council_decisions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_council_decisions" PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "decision_number" TEXT NOT NULL,
    "decision_date" TEXT NOT NULL,
    "members_total" INTEGER NOT NULL,
    "members_present" INTEGER NOT NULL,
    "votes_for" INTEGER NOT NULL,
    "votes_against" INTEGER NOT NULL,
    "votes_abstain" INTEGER NOT NULL,
    "notes" TEXT NULL,
    "recorded_at_utc" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL
);

CREATE TABLE "dossier_import_batches" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_dossier_import_batches" PRIMARY KEY AUTOINCREMENT,
    "source" TEXT NOT NULL,
    "file_name" TEXT NULL,
    "file_bytes" INTEGER NULL,
    "actor" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "started_at_utc" TEXT NOT NULL,
    "finished_at_utc" TEXT NULL,
    "rows_read" INTEGER NOT NULL,
    "rows_stored" INTEGER NOT NULL,
    "rows_rejected" INTEGER NOT NULL,
    "created" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "duplicates" INTEGER NOT NULL,
    "bytes_read" INTEGER NOT NULL,
    "message" TEXT NULL,
    "errors_stored" INTEGER NOT NULL
);

CREATE TABLE "dossiers" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_dossiers" PRIMARY KEY,
    "code" TEXT NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "procedure_id" INTEGER NOT NULL,
    "channel" INTEGER NOT NULL,
    "received_at_utc" TEXT NOT NULL,
    "received_month" INTEGER NOT NULL,
    "due_at_utc" TEXT NOT NULL,
    "due_promised" INTEGER NOT NULL,
    "ended_at_utc" TEXT NULL,
    "end_kind" INTEGER NULL,
    "end_month" INTEGER NULL,
    "open_span" INTEGER NULL,
    "outcome" INTEGER NOT NULL,
    "overdue_from" TEXT NULL,
    "supplement_requests" INTEGER NOT NULL,
    "paused_days" INTEGER NOT NULL,
    "processing_days" INTEGER NULL,
    "payment" INTEGER NOT NULL,
    "digitised" INTEGER NOT NULL,
    "electronic_result" INTEGER NOT NULL,
    "end_to_end" INTEGER NOT NULL,
    "rating" INTEGER NOT NULL,
    "has_apology" INTEGER NOT NULL,
    "events" TEXT NOT NULL,
    "batch_id" INTEGER NULL,
    "updated_at_utc" TEXT NOT NULL
);

CREATE TABLE "notifications" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_notifications" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "phase" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "on_date" TEXT NOT NULL,
    "message_vi" TEXT NOT NULL,
    "message_en" TEXT NOT NULL,
    "link" TEXT NULL,
    "created_at_utc" TEXT NOT NULL,
    "read_at_utc" TEXT NULL
);

CREATE TABLE "outbox_emails" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_outbox_emails" PRIMARY KEY AUTOINCREMENT,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at_utc" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "sent_at_utc" TEXT NULL,
    "last_error" TEXT NULL,
    "next_attempt_at_utc" TEXT NOT NULL,
    "locked_until_utc" TEXT NULL,
    "notification_id" INTEGER NULL
);

CREATE TABLE "procedures" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_procedures" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NULL,
    "sector" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "processing_time" TEXT NOT NULL,
    "processing_unit" TEXT NOT NULL,
    "after_cut_off_counts_next_day" INTEGER NOT NULL,
    "fee_bearing" INTEGER NOT NULL,
    "online_level" TEXT NOT NULL
);

CREATE TABLE "questionnaires" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_questionnaires" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title_vi" TEXT NOT NULL,
    "title_en" TEXT NULL,
    "definition" TEXT NOT NULL,
    "created_at_utc" TEXT NOT NULL,
    "created_by" TEXT NOT NULL
);

CREATE TABLE "survey_drafts" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_survey_drafts" PRIMARY KEY AUTOINCREMENT,
    "token_hash" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "saved_at_utc" TEXT NOT NULL
);

CREATE TABLE "units" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_units" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NULL,
    "kind" TEXT NOT NULL,
    "valid_from" TEXT NOT NULL,
    "valid_to" TEXT NULL,
    "parent_id" INTEGER NULL,
    CONSTRAINT "fk_units_units_parent_id" FOREIGN KEY ("parent_id") REFERENCES "units" ("id") ON DELETE RESTRICT
);

CREATE TABLE "asp_net_role_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_asp_net_role_claims" PRIMARY KEY AUTOINCREMENT,
    "role_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_asp_net_role_claims_asp_net_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "asp_net_roles" ("id") ON DELETE CASCADE
);

CREATE TABLE "frameworks" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_frameworks" PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "block_id" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "title_vi" TEXT NOT NULL,
    "definition_json" TEXT NOT NULL,
    "revision_reason" TEXT NULL,
    "created_at_utc" TEXT NOT NULL,
    "created_by" TEXT NULL,
    "published_at_utc" TEXT NULL,
    "published_by" TEXT NULL,
    "concurrency_stamp" TEXT NOT NULL,
    CONSTRAINT "fk_frameworks_blocks_block_id" FOREIGN KEY ("block_id") REFERENCES "blocks" ("id") ON DELETE RESTRICT
);

CREATE TABLE "publication_snapshots" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_publication_snapshots" PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "block_id" INTEGER NOT NULL,
    "block_code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "decision_number" TEXT NULL,
    "decision_date" TEXT NULL,
    "published_at_utc" TEXT NOT NULL,
    "published_by" TEXT NOT NULL,
    "computed_at_utc" TEXT NOT NULL,
    "framework_id" INTEGER NOT NULL,
    "framework_revision" INTEGER NOT NULL,
    "unit_count" INTEGER NOT NULL,
    "average_index" TEXT NOT NULL,
    "block_name_vi" TEXT NOT NULL,
    "block_name_en" TEXT NULL,
    "content_hash" TEXT NOT NULL,
    "document_json" TEXT NOT NULL,
    CONSTRAINT "fk_publication_snapshots_blocks_block_id" FOREIGN KEY ("block_id") REFERENCES "blocks" ("id") ON DELETE RESTRICT
);

CREATE TABLE "result_sets" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_result_sets" PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "block_id" INTEGER NOT NULL,
    "framework_id" INTEGER NOT NULL,
    "framework_revision" INTEGER NOT NULL,
    "computed_at_utc" TEXT NOT NULL,
    "computed_by" TEXT NULL,
    "average_index" TEXT NOT NULL,
    "average_field_index_json" TEXT NOT NULL,
    CONSTRAINT "fk_result_sets_blocks_block_id" FOREIGN KEY ("block_id") REFERENCES "blocks" ("id") ON DELETE RESTRICT
);

CREATE TABLE "council_years" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_council_years" PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "finalised_at_utc" TEXT NULL,
    "finalised_by" TEXT NULL,
    "decision_id" INTEGER NULL,
    "updated_at_utc" TEXT NOT NULL,
    "updated_by" TEXT NULL,
    "concurrency_stamp" TEXT NOT NULL,
    CONSTRAINT "fk_council_years_council_decisions_decision_id" FOREIGN KEY ("decision_id") REFERENCES "council_decisions" ("id") ON DELETE RESTRICT
);

CREATE TABLE "dossier_import_errors" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_dossier_import_errors" PRIMARY KEY AUTOINCREMENT,
    "batch_id" INTEGER NOT NULL,
    "row_number" INTEGER NOT NULL,
    "column_name" TEXT NULL,
    "code" TEXT NULL,
    "message" TEXT NOT NULL,
    "message_en" TEXT NOT NULL,
    CONSTRAINT "fk_dossier_import_errors_dossier_import_batches_batch_id" FOREIGN KEY ("batch_id") REFERENCES "dossier_import_batches" ("id") ON DELETE CASCADE
);

CREATE TABLE "dossier_apologies" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_dossier_apologies" PRIMARY KEY AUTOINCREMENT,
    "dossier_id" INTEGER NOT NULL,
    "issued_on" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "new_appointment" TEXT NOT NULL,
    "signed_by" TEXT NULL,
    "recorded_at_utc" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    CONSTRAINT "fk_dossier_apologies_dossiers_dossier_id" FOREIGN KEY ("dossier_id") REFERENCES "dossiers" ("id") ON DELETE CASCADE
);

CREATE TABLE "survey_campaigns" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_survey_campaigns" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NULL,
    "questionnaire_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "opens_on" TEXT NOT NULL,
    "closes_on" TEXT NOT NULL,
    "sampling_frame" TEXT NULL,
    "minimum_n" INTEGER NOT NULL,
    "fallback" TEXT NOT NULL,
    "is_published" INTEGER NOT NULL,
    "published_at_utc" TEXT NULL,
    "published_by" TEXT NULL,
    "created_at_utc" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    CONSTRAINT "fk_survey_campaigns_questionnaires_questionnaire_id" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaires" ("id") ON DELETE RESTRICT
);

CREATE TABLE "api_tokens" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_api_tokens" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "unit_id" INTEGER NULL,
    "created_at_utc" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "expires_at_utc" TEXT NULL,
    "last_used_at_utc" TEXT NULL,
    "revoked_at_utc" TEXT NULL,
    "revoked_by" TEXT NULL,
    CONSTRAINT "fk_api_tokens_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT
);

CREATE TABLE "appeals" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_appeals" PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "block_code" TEXT NOT NULL,
    "node_code" TEXT NOT NULL,
    "grounds" TEXT NOT NULL,
    "published_points" TEXT NOT NULL,
    "published_version" INTEGER NOT NULL,
    "filed_at_utc" TEXT NOT NULL,
    "filed_by" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decision_reason" TEXT NULL,
    "decided_at_utc" TEXT NULL,
    "decided_by" TEXT NULL,
    "kind" TEXT NULL,
    "points" TEXT NULL,
    "level" TEXT NULL,
    "numerator" TEXT NULL,
    "denominator" TEXT NULL,
    "value" TEXT NULL,
    "correction_version" INTEGER NULL,
    "concurrency_stamp" TEXT NOT NULL,
    CONSTRAINT "fk_appeals_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT
);

CREATE TABLE "asp_net_users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_asp_net_users" PRIMARY KEY,
    "display_name" TEXT NULL,
    "unit_id" INTEGER NULL,
    "must_change_password" INTEGER NOT NULL,
    "created_at_utc" TEXT NOT NULL,
    "last_sign_in_at_utc" TEXT NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL,
    CONSTRAINT "fk_asp_net_users_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT
);

CREATE TABLE "block_members" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_block_members" PRIMARY KEY AUTOINCREMENT,
    "block_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    CONSTRAINT "fk_block_members_blocks_block_id" FOREIGN KEY ("block_id") REFERENCES "blocks" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_block_members_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT
);

CREATE TABLE "council_overrides" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_council_overrides" PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "node_code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "points" TEXT NULL,
    "level" TEXT NULL,
    "numerator" TEXT NULL,
    "denominator" TEXT NULL,
    "value" TEXT NULL,
    "reason" TEXT NOT NULL,
    "updated_at_utc" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL,
    CONSTRAINT "fk_council_overrides_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT
);

CREATE TABLE "evidence_documents" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_evidence_documents" PRIMARY KEY AUTOINCREMENT,
    "unit_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "document_number" TEXT NULL,
    "document_date" TEXT NULL,
    "issuing_body" TEXT NULL,
    "title" TEXT NULL,
    "uploaded_at_utc" TEXT NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    "carried_from_id" INTEGER NULL,
    CONSTRAINT "fk_evidence_documents_evidence_documents_carried_from_id" FOREIGN KEY ("carried_from_id") REFERENCES "evidence_documents" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_evidence_documents_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT
);

CREATE TABLE "leaf_scores" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_leaf_scores" PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "node_code" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "points" TEXT NULL,
    "level" TEXT NULL,
    "numerator" TEXT NULL,
    "denominator" TEXT NULL,
    "value" TEXT NULL,
    "source" TEXT NULL,
    "updated_at_utc" TEXT NOT NULL,
    "updated_by" TEXT NULL,
    CONSTRAINT "fk_leaf_scores_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT
);

CREATE TABLE "self_assessments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_self_assessments" PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "difficulties" TEXT NULL,
    "created_at_utc" TEXT NOT NULL,
    "updated_at_utc" TEXT NOT NULL,
    "updated_by" TEXT NULL,
    "submitted_at_utc" TEXT NULL,
    "submitted_by" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_self_assessments_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT
);

CREATE TABLE "service_counters" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_service_counters" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "name_vi" TEXT NOT NULL,
    "officer_name" TEXT NULL,
    "active" INTEGER NOT NULL,
    CONSTRAINT "fk_service_counters_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT
);

CREATE TABLE "successions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_successions" PRIMARY KEY AUTOINCREMENT,
    "predecessor_id" INTEGER NOT NULL,
    "successor_id" INTEGER NOT NULL,
    "effective_date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NULL,
    CONSTRAINT "fk_successions_units_predecessor_id" FOREIGN KEY ("predecessor_id") REFERENCES "units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_successions_units_successor_id" FOREIGN KEY ("successor_id") REFERENCES "units" ("id") ON DELETE RESTRICT
);

CREATE TABLE "publication_snapshot_units" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_publication_snapshot_units" PRIMARY KEY AUTOINCREMENT,
    "snapshot_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "unit_code" TEXT NOT NULL,
    "index" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "class_code" TEXT NOT NULL,
    "previous_index" TEXT NULL,
    "detail_json" TEXT NOT NULL,
    CONSTRAINT "fk_publication_snapshot_units_publication_snapshots_snapshot_id" FOREIGN KEY ("snapshot_id") REFERENCES "publication_snapshots" ("id") ON DELETE RESTRICT
);

CREATE TABLE "result_rows" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_result_rows" PRIMARY KEY AUTOINCREMENT,
    "result_set_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "total" TEXT NOT NULL,
    "applicable_max" TEXT NOT NULL,
    "index" TEXT NOT NULL,
    "class_code" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "previous_index" TEXT NULL,
    "previous_rank" INTEGER NULL,
    "rank_change" INTEGER NULL,
    "reward_proposed" INTEGER NOT NULL,
    "discipline_review" INTEGER NOT NULL,
    "field_index_json" TEXT NOT NULL,
    "detail_json" TEXT NOT NULL,
    CONSTRAINT "fk_result_rows_result_sets_result_set_id" FOREIGN KEY ("result_set_id") REFERENCES "result_sets" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_result_rows_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT
);

CREATE TABLE "campaign_targets" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_campaign_targets" PRIMARY KEY AUTOINCREMENT,
    "campaign_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "respondent_group" TEXT NOT NULL,
    "quota" INTEGER NOT NULL,
    "population_weight" TEXT NULL,
    CONSTRAINT "fk_campaign_targets_survey_campaigns_campaign_id" FOREIGN KEY ("campaign_id") REFERENCES "survey_campaigns" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_campaign_targets_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT
);

CREATE TABLE "survey_imports" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_survey_imports" PRIMARY KEY AUTOINCREMENT,
    "campaign_id" INTEGER NOT NULL,
    "file_hash" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "imported_at_utc" TEXT NOT NULL,
    "imported_by" TEXT NOT NULL,
    CONSTRAINT "fk_survey_imports_survey_campaigns_campaign_id" FOREIGN KEY ("campaign_id") REFERENCES "survey_campaigns" ("id") ON DELETE CASCADE
);

CREATE TABLE "survey_invitations" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_survey_invitations" PRIMARY KEY AUTOINCREMENT,
    "campaign_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "respondent_group" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "issued_on" TEXT NOT NULL,
    "used_on" TEXT NULL,
    CONSTRAINT "fk_survey_invitations_survey_campaigns_campaign_id" FOREIGN KEY ("campaign_id") REFERENCES "survey_campaigns" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_survey_invitations_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT
);

CREATE TABLE "survey_responses" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_survey_responses" PRIMARY KEY AUTOINCREMENT,
    "campaign_id" INTEGER NOT NULL,
    "questionnaire_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "respondent_group" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "submitted_on" TEXT NOT NULL,
    "choices" TEXT NOT NULL,
    "details" TEXT NULL,
    CONSTRAINT "fk_survey_responses_questionnaires_questionnaire_id" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaires" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_survey_responses_survey_campaigns_campaign_id" FOREIGN KEY ("campaign_id") REFERENCES "survey_campaigns" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_survey_responses_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT
);

CREATE TABLE "publication_corrections" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_publication_corrections" PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "block_id" INTEGER NOT NULL,
    "block_code" TEXT NOT NULL,
    "snapshot_id" INTEGER NOT NULL,
    "from_version" INTEGER NOT NULL,
    "to_version" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "decision_number" TEXT NULL,
    "decision_date" TEXT NULL,
    "published_at_utc" TEXT NOT NULL,
    "published_by" TEXT NOT NULL,
    "changes_json" TEXT NOT NULL,
    "appeal_id" INTEGER NULL,
    CONSTRAINT "fk_publication_corrections_appeals_appeal_id" FOREIGN KEY ("appeal_id") REFERENCES "appeals" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_publication_corrections_blocks_block_id" FOREIGN KEY ("block_id") REFERENCES "blocks" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_publication_corrections_publication_snapshots_snapshot_id" FOREIGN KEY ("snapshot_id") REFERENCES "publication_snapshots" ("id") ON DELETE RESTRICT
);

CREATE TABLE "asp_net_user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_asp_net_user_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_asp_net_user_claims_asp_net_users_user_id" FOREIGN KEY ("user_id") REFERENCES "asp_net_users" ("id") ON DELETE CASCADE
);

CREATE TABLE "asp_net_user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_asp_net_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_asp_net_user_logins_asp_net_users_user_id" FOREIGN KEY ("user_id") REFERENCES "asp_net_users" ("id") ON DELETE CASCADE
);

CREATE TABLE "asp_net_user_roles" (
    "user_id" TEXT NOT NULL,
    "role_id" TEXT NOT NULL,
    CONSTRAINT "pk_asp_net_user_roles" PRIMARY KEY ("user_id", "role_id"),
    CONSTRAINT "fk_asp_net_user_roles_asp_net_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "asp_net_roles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_asp_net_user_roles_asp_net_users_user_id" FOREIGN KEY ("user_id") REFERENCES "asp_net_users" ("id") ON DELETE CASCADE
);

CREATE TABLE "asp_net_user_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_asp_net_user_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_asp_net_user_tokens_asp_net_users_user_id" FOREIGN KEY ("user_id") REFERENCES "asp_net_users" ("id") ON DELETE CASCADE
);

CREATE TABLE "assessment_entries" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_assessment_entries" PRIMARY KEY AUTOINCREMENT,
    "assessment_id" INTEGER NOT NULL,
    "node_code" TEXT NOT NULL,
    "kind" TEXT NULL,
    "points" TEXT NULL,
    "level" TEXT NULL,
    "numerator" TEXT NULL,
    "denominator" TEXT NULL,
    "value" TEXT NULL,
    "comment" TEXT NULL,
    "no_evidence_note" TEXT NULL,
    "explanation" TEXT NULL,
    "explained_at_utc" TEXT NULL,
    "explained_by" TEXT NULL,
    "updated_at_utc" TEXT NOT NULL,
    "updated_by" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_assessment_entries_self_assessments_assessment_id" FOREIGN KEY ("assessment_id") REFERENCES "self_assessments" ("id") ON DELETE CASCADE
);

CREATE TABLE "counter_devices" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_counter_devices" PRIMARY KEY AUTOINCREMENT,
    "counter_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "key_prefix" TEXT NOT NULL,
    "created_at_utc" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "revoked_at_utc" TEXT NULL,
    CONSTRAINT "fk_counter_devices_service_counters_counter_id" FOREIGN KEY ("counter_id") REFERENCES "service_counters" ("id") ON DELETE CASCADE
);

CREATE TABLE "counter_ratings" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_counter_ratings" PRIMARY KEY AUTOINCREMENT,
    "counter_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "rating" INTEGER NOT NULL,
    "dossier_code" TEXT NULL,
    "rated_on" TEXT NOT NULL,
    CONSTRAINT "fk_counter_ratings_service_counters_counter_id" FOREIGN KEY ("counter_id") REFERENCES "service_counters" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_counter_ratings_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT
);

CREATE TABLE "evidence_links" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_evidence_links" PRIMARY KEY AUTOINCREMENT,
    "entry_id" INTEGER NOT NULL,
    "document_id" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "added_at_utc" TEXT NOT NULL,
    "added_by" TEXT NOT NULL,
    "verdict" TEXT NULL,
    "verdict_note" TEXT NULL,
    "verdict_at_utc" TEXT NULL,
    "verdict_by" TEXT NULL,
    CONSTRAINT "fk_evidence_links_assessment_entries_entry_id" FOREIGN KEY ("entry_id") REFERENCES "assessment_entries" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_evidence_links_evidence_documents_document_id" FOREIGN KEY ("document_id") REFERENCES "evidence_documents" ("id") ON DELETE RESTRICT
);

CREATE TABLE "leaf_appraisals" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_leaf_appraisals" PRIMARY KEY AUTOINCREMENT,
    "entry_id" INTEGER NOT NULL,
    "round" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "kind" TEXT NULL,
    "points" TEXT NULL,
    "level" TEXT NULL,
    "numerator" TEXT NULL,
    "denominator" TEXT NULL,
    "value" TEXT NULL,
    "reason" TEXT NULL,
    "agency_code" TEXT NOT NULL,
    "decided_at_utc" TEXT NOT NULL,
    "decided_by" TEXT NOT NULL,
    CONSTRAINT "fk_leaf_appraisals_assessment_entries_entry_id" FOREIGN KEY ("entry_id") REFERENCES "assessment_entries" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_api_tokens_prefix" ON "api_tokens" ("prefix");

CREATE INDEX "ix_api_tokens_unit_id" ON "api_tokens" ("unit_id");

CREATE INDEX "ix_appeals_unit_id" ON "appeals" ("unit_id");

CREATE INDEX "ix_appeals_year_status" ON "appeals" ("year", "status");

CREATE INDEX "ix_appeals_year_unit_id_node_code" ON "appeals" ("year", "unit_id", "node_code");

CREATE INDEX "ix_asp_net_role_claims_role_id" ON "asp_net_role_claims" ("role_id");

CREATE UNIQUE INDEX "role_name_index" ON "asp_net_roles" ("normalized_name");

CREATE INDEX "ix_asp_net_user_claims_user_id" ON "asp_net_user_claims" ("user_id");

CREATE INDEX "ix_asp_net_user_logins_user_id" ON "asp_net_user_logins" ("user_id");

CREATE INDEX "ix_asp_net_user_roles_role_id" ON "asp_net_user_roles" ("role_id");

CREATE INDEX "email_index" ON "asp_net_users" ("normalized_email");

CREATE INDEX "ix_asp_net_users_unit_id" ON "asp_net_users" ("unit_id");

CREATE UNIQUE INDEX "user_name_index" ON "asp_net_users" ("normalized_user_name");

CREATE UNIQUE INDEX "ix_assessment_entries_assessment_id_node_code" ON "assessment_entries" ("assessment_id", "node_code");

CREATE INDEX "ix_audit_entries_at_utc" ON "audit_entries" ("at_utc");

CREATE INDEX "ix_audit_entries_entity_type_entity_key" ON "audit_entries" ("entity_type", "entity_key");

CREATE INDEX "ix_block_members_block_id" ON "block_members" ("block_id");

CREATE INDEX "ix_block_members_unit_id" ON "block_members" ("unit_id");

CREATE UNIQUE INDEX "ix_block_members_year_unit_id" ON "block_members" ("year", "unit_id");

CREATE UNIQUE INDEX "ix_blocks_year_code" ON "blocks" ("year", "code");

CREATE UNIQUE INDEX "ix_calendar_notices_year" ON "calendar_notices" ("year");

CREATE UNIQUE INDEX "ix_campaign_phases_year_kind" ON "campaign_phases" ("year", "kind");

CREATE UNIQUE INDEX "ix_campaign_targets_campaign_id_unit_id_respondent_group" ON "campaign_targets" ("campaign_id", "unit_id", "respondent_group");

CREATE INDEX "ix_campaign_targets_unit_id" ON "campaign_targets" ("unit_id");

CREATE INDEX "ix_council_decisions_year" ON "council_decisions" ("year");

CREATE INDEX "ix_council_overrides_unit_id" ON "council_overrides" ("unit_id");

CREATE UNIQUE INDEX "ix_council_overrides_year_unit_id_node_code" ON "council_overrides" ("year", "unit_id", "node_code");

CREATE INDEX "ix_council_years_decision_id" ON "council_years" ("decision_id");

CREATE UNIQUE INDEX "ix_council_years_year" ON "council_years" ("year");

CREATE INDEX "ix_counter_devices_counter_id" ON "counter_devices" ("counter_id");

CREATE UNIQUE INDEX "ix_counter_devices_key_hash" ON "counter_devices" ("key_hash");

CREATE INDEX "ix_counter_ratings_counter_id" ON "counter_ratings" ("counter_id");

CREATE UNIQUE INDEX "ix_counter_ratings_dossier_code" ON "counter_ratings" ("dossier_code");

CREATE INDEX "ix_counter_ratings_unit_id_rated_on" ON "counter_ratings" ("unit_id", "rated_on");

CREATE UNIQUE INDEX "ix_dossier_apologies_dossier_id" ON "dossier_apologies" ("dossier_id");

CREATE INDEX "ix_dossier_import_batches_started_at_utc" ON "dossier_import_batches" ("started_at_utc");

CREATE INDEX "ix_dossier_import_errors_batch_id_row_number" ON "dossier_import_errors" ("batch_id", "row_number");

CREATE UNIQUE INDEX "ix_dossiers_code" ON "dossiers" ("code");

CREATE INDEX "ix_dossiers_ended" ON "dossiers" ("end_month", "unit_id", "outcome", "has_apology", "processing_days", "electronic_result", "rating");

CREATE INDEX "ix_dossiers_open" ON "dossiers" ("open_span", "received_month", "unit_id", "overdue_from", "has_apology") WHERE open_span IS NOT NULL;

CREATE INDEX "ix_dossiers_received" ON "dossiers" ("received_month", "unit_id", "procedure_id", "channel", "end_to_end", "digitised", "payment", "due_promised");

CREATE INDEX "ix_evidence_documents_carried_from_id" ON "evidence_documents" ("carried_from_id");

CREATE INDEX "ix_evidence_documents_sha256" ON "evidence_documents" ("sha256");

CREATE UNIQUE INDEX "ix_evidence_documents_unit_id_year_sha256" ON "evidence_documents" ("unit_id", "year", "sha256");

CREATE INDEX "ix_evidence_links_document_id" ON "evidence_links" ("document_id");

CREATE UNIQUE INDEX "ix_evidence_links_entry_id_document_id" ON "evidence_links" ("entry_id", "document_id");

CREATE UNIQUE INDEX "ix_frameworks_block_id_revision" ON "frameworks" ("block_id", "revision");

CREATE INDEX "ix_frameworks_year_status" ON "frameworks" ("year", "status");

CREATE UNIQUE INDEX "ix_leaf_appraisals_entry_id_round" ON "leaf_appraisals" ("entry_id", "round");

CREATE INDEX "ix_leaf_scores_unit_id" ON "leaf_scores" ("unit_id");

CREATE UNIQUE INDEX "ix_leaf_scores_year_unit_id_stage_node_code" ON "leaf_scores" ("year", "unit_id", "stage", "node_code");

CREATE INDEX "ix_notifications_user_id_read_at_utc" ON "notifications" ("user_id", "read_at_utc");

CREATE UNIQUE INDEX "ix_notifications_user_id_year_phase_kind_on_date" ON "notifications" ("user_id", "year", "phase", "kind", "on_date");

CREATE INDEX "ix_outbox_emails_created_at_utc" ON "outbox_emails" ("created_at_utc");

CREATE INDEX "ix_outbox_emails_sent_at_utc_next_attempt_at_utc" ON "outbox_emails" ("sent_at_utc", "next_attempt_at_utc");

CREATE UNIQUE INDEX "ix_procedures_code" ON "procedures" ("code");

CREATE INDEX "ix_publication_corrections_appeal_id" ON "publication_corrections" ("appeal_id");

CREATE INDEX "ix_publication_corrections_block_id" ON "publication_corrections" ("block_id");

CREATE UNIQUE INDEX "ix_publication_corrections_snapshot_id" ON "publication_corrections" ("snapshot_id");

CREATE INDEX "ix_publication_corrections_year_block_code_to_version" ON "publication_corrections" ("year", "block_code", "to_version");

CREATE UNIQUE INDEX "ix_publication_snapshot_units_snapshot_id_unit_code" ON "publication_snapshot_units" ("snapshot_id", "unit_code");

CREATE INDEX "ix_publication_snapshot_units_unit_code" ON "publication_snapshot_units" ("unit_code");

CREATE UNIQUE INDEX "ix_publication_snapshots_block_id_version" ON "publication_snapshots" ("block_id", "version");

CREATE INDEX "ix_publication_snapshots_year_block_code_version" ON "publication_snapshots" ("year", "block_code", "version");

CREATE UNIQUE INDEX "ix_questionnaires_code_version" ON "questionnaires" ("code", "version");

CREATE INDEX "ix_result_rows_result_set_id_rank" ON "result_rows" ("result_set_id", "rank");

CREATE INDEX "ix_result_rows_unit_id_year" ON "result_rows" ("unit_id", "year");

CREATE INDEX "ix_result_sets_block_id" ON "result_sets" ("block_id");

CREATE UNIQUE INDEX "ix_result_sets_year_block_id" ON "result_sets" ("year", "block_id");

CREATE INDEX "ix_self_assessments_unit_id" ON "self_assessments" ("unit_id");

CREATE UNIQUE INDEX "ix_self_assessments_year_unit_id" ON "self_assessments" ("year", "unit_id");

CREATE UNIQUE INDEX "ix_service_counters_code" ON "service_counters" ("code");

CREATE INDEX "ix_service_counters_unit_id" ON "service_counters" ("unit_id");

CREATE UNIQUE INDEX "ix_successions_predecessor_id_successor_id" ON "successions" ("predecessor_id", "successor_id");

CREATE INDEX "ix_successions_successor_id" ON "successions" ("successor_id");

CREATE UNIQUE INDEX "ix_survey_campaigns_code" ON "survey_campaigns" ("code");

CREATE INDEX "ix_survey_campaigns_questionnaire_id" ON "survey_campaigns" ("questionnaire_id");

CREATE INDEX "ix_survey_campaigns_year" ON "survey_campaigns" ("year");

CREATE UNIQUE INDEX "ix_survey_drafts_token_hash" ON "survey_drafts" ("token_hash");

CREATE UNIQUE INDEX "ix_survey_imports_campaign_id_file_hash" ON "survey_imports" ("campaign_id", "file_hash");

CREATE INDEX "ix_survey_invitations_campaign_id_unit_id" ON "survey_invitations" ("campaign_id", "unit_id");

CREATE UNIQUE INDEX "ix_survey_invitations_token_hash" ON "survey_invitations" ("token_hash");

CREATE INDEX "ix_survey_invitations_unit_id" ON "survey_invitations" ("unit_id");

CREATE INDEX "ix_survey_responses_campaign_id_unit_id" ON "survey_responses" ("campaign_id", "unit_id");

CREATE INDEX "ix_survey_responses_questionnaire_id" ON "survey_responses" ("questionnaire_id");

CREATE INDEX "ix_survey_responses_unit_id" ON "survey_responses" ("unit_id");

CREATE UNIQUE INDEX "ix_units_code" ON "units" ("code");

CREATE INDEX "ix_units_parent_id" ON "units" ("parent_id");


-- A token kind for trading partners' systems (issue 8 §6): a partner token belongs to one organisation and may only
-- capture EPCIS documents into it (the routes declare who may call them). Users keep their four roles (app_user is
-- unchanged): a partner is a system, not a person, and gets its token from create-token.
ALTER TABLE api_token DROP CONSTRAINT api_token_role_check;
ALTER TABLE api_token ADD CONSTRAINT api_token_role_check
    CHECK (role IN ('admin', 'operator', 'dispatcher', 'qa', 'partner'));

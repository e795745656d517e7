-- The database as commit 5d81b5e (the last before issue 7) left it: every migration of that commit applied by its own
-- Flyway (one history table for all modules), the application started once without the demo profile (division
-- seed, initial administrator, first signing key), three failed sign-ins through /login, and a few rows typed in
-- so that every table the later migrations touch has data to keep: an organisation, a published catalogue entry,
-- a completed and a failed event publication, an expired and a live token, a used one-time code, a dev-outbox
-- message. The field key that encrypted the signing key was thrown away; the administrator's password was a
-- throw-away one.
--
-- Made with pg_dump --no-owner --no-privileges --inserts (PostgreSQL 15) from a database created by that commit;
-- psql's \restrict lines removed, so that it loads through JDBC. UpgradeFromBaselineTests migrates it.
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: catalog_version_immutable(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.catalog_version_immutable() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF OLD.status <> 'DRAFT' AND (NEW.name IS DISTINCT FROM OLD.name OR NEW.guide IS DISTINCT FROM OLD.guide
        OR NEW.version_no IS DISTINCT FROM OLD.version_no OR NEW.item_id IS DISTINCT FROM OLD.item_id) THEN
        RAISE EXCEPTION 'catalogue version % is % and cannot be changed', OLD.id, OLD.status;
    END IF;
    RETURN NEW;
END;
$$;


--
-- Name: catalog_version_no_delete(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.catalog_version_no_delete() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF OLD.status <> 'DRAFT' THEN
        RAISE EXCEPTION 'catalogue version % is % and cannot be deleted', OLD.id, OLD.status;
    END IF;
    RETURN OLD;
END;
$$;


--
-- Name: shared_audit_append_only(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.shared_audit_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'accountability log entry % cannot be changed', OLD.seq;
    END IF;
    IF OLD.occurred_at > CURRENT_TIMESTAMP - INTERVAL '180 days' THEN
        RAISE EXCEPTION 'accountability log entry % is younger than 180 days and cannot be deleted', OLD.seq;
    END IF;
    RETURN OLD;
END;
$$;


--
-- Name: shared_audit_retention_forward_only(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.shared_audit_retention_forward_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'DELETE' OR NEW.removed_through_seq < OLD.removed_through_seq THEN
        RAISE EXCEPTION 'the accountability log retention mark only moves forward';
    END IF;
    RETURN NEW;
END;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: basedata_division; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.basedata_division (
    code character(6) NOT NULL,
    name character varying(100) NOT NULL,
    level character varying(12) NOT NULL,
    parent_code character(6),
    effective_from date NOT NULL,
    effective_to date,
    CONSTRAINT basedata_division_check CHECK (((effective_to IS NULL) OR (effective_to > effective_from))),
    CONSTRAINT basedata_division_level_check CHECK (((level)::text = ANY ((ARRAY['PROVINCE'::character varying, 'PREFECTURE'::character varying, 'COUNTY'::character varying])::text[])))
);


--
-- Name: basedata_organisation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.basedata_organisation (
    id bigint NOT NULL,
    uscc character varying(18) NOT NULL,
    name character varying(200) NOT NULL,
    division_code character(6) NOT NULL,
    exercise_level character(1) NOT NULL,
    nature character(1) NOT NULL,
    parent_uscc character varying(18),
    address character varying(300) DEFAULT ''::character varying NOT NULL,
    phone character varying(40) DEFAULT ''::character varying NOT NULL,
    legacy_code boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);


--
-- Name: basedata_organisation_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.basedata_organisation ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.basedata_organisation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: basedata_person; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.basedata_person (
    id_number_index character(64) NOT NULL,
    identity_index character(64) NOT NULL,
    deceased boolean DEFAULT false NOT NULL,
    updated_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);


--
-- Name: catalog_attachment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_attachment (
    id character(64) NOT NULL,
    file_name character varying(200) NOT NULL,
    media_type character varying(100) NOT NULL,
    size_bytes integer NOT NULL,
    content bytea NOT NULL,
    created_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    created_by character varying(64) NOT NULL
);


--
-- Name: catalog_base_item; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_base_item (
    base_code character varying(12) NOT NULL,
    name character varying(200) NOT NULL,
    item_type character(2) NOT NULL,
    created_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    created_by character varying(64) NOT NULL
);


--
-- Name: catalog_item; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_item (
    id bigint NOT NULL,
    implementation_code character varying(31) NOT NULL,
    base_code character varying(12) NOT NULL,
    organisation_uscc character varying(18) NOT NULL,
    exercise_level character(1) NOT NULL,
    division_code character(6) NOT NULL,
    created_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    created_by character varying(64) NOT NULL
);


--
-- Name: catalog_item_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_item ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.catalog_item_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_item_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_item_version (
    id bigint NOT NULL,
    item_id bigint NOT NULL,
    version_no integer NOT NULL,
    status character varying(12) NOT NULL,
    name character varying(200) NOT NULL,
    guide jsonb NOT NULL,
    change_note character varying(500),
    created_by character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    submitted_by character varying(64),
    submitted_at timestamp with time zone,
    reviewed_by character varying(64),
    reviewed_at timestamp with time zone,
    review_note character varying(500),
    published_by character varying(64),
    published_at timestamp with time zone,
    ended_by character varying(64),
    ended_at timestamp with time zone,
    end_reason character varying(500),
    CONSTRAINT catalog_item_version_status_check CHECK (((status)::text = ANY ((ARRAY['DRAFT'::character varying, 'IN_REVIEW'::character varying, 'APPROVED'::character varying, 'PUBLISHED'::character varying, 'SUPERSEDED'::character varying, 'WITHDRAWN'::character varying])::text[])))
);


--
-- Name: catalog_item_version_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_item_version ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.catalog_item_version_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_search_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_search_entry (
    item_id bigint NOT NULL,
    version_id bigint NOT NULL,
    implementation_code character varying(31) NOT NULL,
    name character varying(200) NOT NULL,
    item_type character(2) NOT NULL,
    organisation_uscc character varying(18) NOT NULL,
    organisation_name character varying(200) NOT NULL,
    division_code character(6) NOT NULL,
    exercise_level character(1) NOT NULL,
    online_depth smallint NOT NULL,
    visits smallint NOT NULL,
    online_application boolean NOT NULL,
    service_objects text[] NOT NULL,
    themes text[] NOT NULL,
    result_name character varying(200) NOT NULL,
    promised_value integer NOT NULL,
    promised_unit character(1) NOT NULL,
    name_terms text[] NOT NULL,
    terms text[] NOT NULL
);


--
-- Name: event_publication; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.event_publication (
    id uuid NOT NULL,
    listener_id text NOT NULL,
    event_type text NOT NULL,
    serialized_event text NOT NULL,
    publication_date timestamp with time zone NOT NULL,
    completion_date timestamp with time zone,
    status text,
    completion_attempts integer,
    last_resubmission_date timestamp with time zone
);


--
-- Name: flyway_schema_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: identity_account; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_account (
    id bigint NOT NULL,
    username character varying(64) NOT NULL,
    display_name character varying(100) NOT NULL,
    password_hash character varying(255) NOT NULL,
    account_type character varying(20) NOT NULL,
    organisation_uscc character varying(18),
    enabled boolean DEFAULT true NOT NULL,
    password_changed_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    subject_id uuid NOT NULL,
    mobile character varying(20),
    email character varying(200),
    id_number_cipher bytea,
    id_number_index character(64),
    real_name_level smallint DEFAULT 1 NOT NULL,
    mobile_verified_at timestamp with time zone,
    in_person_by character varying(64),
    in_person_at timestamp with time zone,
    mfa_secret_cipher bytea,
    mfa_enrolled_at timestamp with time zone,
    mfa_last_step bigint,
    locked_until timestamp with time zone,
    acting_enterprise_id bigint,
    CONSTRAINT identity_account_account_type_check CHECK (((account_type)::text = ANY ((ARRAY['STAFF'::character varying, 'PERSON'::character varying])::text[]))),
    CONSTRAINT identity_account_real_name_level_check CHECK (((real_name_level >= 1) AND (real_name_level <= 4)))
);


--
-- Name: identity_account_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.identity_account ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.identity_account_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: identity_account_role; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_account_role (
    account_id bigint NOT NULL,
    role character varying(40) NOT NULL
);


--
-- Name: identity_agent_grant; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_agent_grant (
    id bigint NOT NULL,
    enterprise_id bigint NOT NULL,
    agent_id bigint NOT NULL,
    scope character varying(200) NOT NULL,
    valid_from date NOT NULL,
    valid_to date NOT NULL,
    granted_by bigint NOT NULL,
    granted_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    CONSTRAINT identity_agent_grant_check CHECK ((valid_to >= valid_from))
);


--
-- Name: identity_agent_grant_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.identity_agent_grant ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.identity_agent_grant_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: identity_enterprise; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_enterprise (
    id bigint NOT NULL,
    uscc character varying(18) NOT NULL,
    name character varying(200) NOT NULL,
    representative_id bigint NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: identity_enterprise_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.identity_enterprise ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.identity_enterprise_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: identity_notification_outbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_notification_outbox (
    id bigint NOT NULL,
    channel character varying(10) NOT NULL,
    recipient character varying(200) NOT NULL,
    subject character varying(200) NOT NULL,
    body character varying(2000) NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: identity_notification_outbox_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.identity_notification_outbox ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.identity_notification_outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: identity_one_time_code; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_one_time_code (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    purpose character varying(30) NOT NULL,
    code_hash character(64) NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    attempts smallint DEFAULT 0 NOT NULL,
    used_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: identity_one_time_code_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.identity_one_time_code ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.identity_one_time_code_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: identity_password_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_password_history (
    account_id bigint NOT NULL,
    password_hash character varying(255) NOT NULL,
    changed_at timestamp with time zone NOT NULL
);


--
-- Name: identity_recovery_code; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_recovery_code (
    account_id bigint NOT NULL,
    code_hash character(64) NOT NULL,
    used_at timestamp with time zone
);


--
-- Name: identity_role; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_role (
    code character varying(40) NOT NULL,
    name character varying(100) NOT NULL,
    audience character varying(10) NOT NULL,
    CONSTRAINT identity_role_audience_check CHECK (((audience)::text = ANY ((ARRAY['STAFF'::character varying, 'CITIZEN'::character varying])::text[])))
);


--
-- Name: identity_role_permission; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_role_permission (
    role character varying(40) NOT NULL,
    permission character varying(60) NOT NULL
);


--
-- Name: identity_sign_in_failure; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_sign_in_failure (
    login_key character varying(100) NOT NULL,
    client_ip character varying(64) NOT NULL,
    failed_at timestamp with time zone NOT NULL
);


--
-- Name: identity_signing_key; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_signing_key (
    kid character varying(64) NOT NULL,
    public_jwk character varying(4000) NOT NULL,
    private_cipher bytea NOT NULL,
    created_at timestamp with time zone NOT NULL,
    retired_at timestamp with time zone
);


--
-- Name: oauth2_authorization; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.oauth2_authorization (
    id character varying(100) NOT NULL,
    registered_client_id character varying(100) NOT NULL,
    principal_name character varying(200) NOT NULL,
    authorization_grant_type character varying(100) NOT NULL,
    authorized_scopes character varying(1000),
    attributes text,
    state character varying(500),
    authorization_code_value text,
    authorization_code_issued_at timestamp with time zone,
    authorization_code_expires_at timestamp with time zone,
    authorization_code_metadata text,
    access_token_value text,
    access_token_issued_at timestamp with time zone,
    access_token_expires_at timestamp with time zone,
    access_token_metadata text,
    access_token_type character varying(100),
    access_token_scopes character varying(1000),
    oidc_id_token_value text,
    oidc_id_token_issued_at timestamp with time zone,
    oidc_id_token_expires_at timestamp with time zone,
    oidc_id_token_metadata text,
    refresh_token_value text,
    refresh_token_issued_at timestamp with time zone,
    refresh_token_expires_at timestamp with time zone,
    refresh_token_metadata text,
    user_code_value text,
    user_code_issued_at timestamp with time zone,
    user_code_expires_at timestamp with time zone,
    user_code_metadata text,
    device_code_value text,
    device_code_issued_at timestamp with time zone,
    device_code_expires_at timestamp with time zone,
    device_code_metadata text
);


--
-- Name: oauth2_authorization_consent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.oauth2_authorization_consent (
    registered_client_id character varying(100) NOT NULL,
    principal_name character varying(200) NOT NULL,
    authorities character varying(1000) NOT NULL
);


--
-- Name: oauth2_registered_client; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.oauth2_registered_client (
    id character varying(100) NOT NULL,
    client_id character varying(100) NOT NULL,
    client_id_issued_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    client_secret character varying(200),
    client_secret_expires_at timestamp with time zone,
    client_name character varying(200) NOT NULL,
    client_authentication_methods character varying(1000) NOT NULL,
    authorization_grant_types character varying(1000) NOT NULL,
    redirect_uris character varying(1000),
    post_logout_redirect_uris character varying(1000),
    scopes character varying(1000) NOT NULL,
    client_settings character varying(2000) NOT NULL,
    token_settings character varying(2000) NOT NULL
);


--
-- Name: shared_audit_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.shared_audit_entry (
    seq bigint NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    actor character varying(100) NOT NULL,
    acting_for character varying(100),
    action character varying(60) NOT NULL,
    object_type character varying(60),
    object_id character varying(100),
    outcome character varying(20) NOT NULL,
    client_ip character varying(64),
    request_id character varying(64),
    details character varying(1000),
    prev_hash character(64) NOT NULL,
    hash character(64) NOT NULL
);


--
-- Name: shared_audit_head; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.shared_audit_head (
    id smallint NOT NULL,
    last_seq bigint NOT NULL,
    last_hash character(64) NOT NULL,
    CONSTRAINT shared_audit_head_id_check CHECK ((id = 1))
);


--
-- Name: shared_audit_retention; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.shared_audit_retention (
    id smallint NOT NULL,
    removed_through_seq bigint NOT NULL,
    removed_through_hash character(64) NOT NULL,
    removed_at timestamp with time zone,
    CONSTRAINT shared_audit_retention_id_check CHECK ((id = 1))
);


--
-- Name: shared_once_task; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.shared_once_task (
    task character varying(100) NOT NULL,
    done_at timestamp with time zone NOT NULL
);


--
-- Data for Name: basedata_division; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.basedata_division VALUES ('340000', '安徽省', 'PROVINCE', NULL, '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340100', '合肥市', 'PREFECTURE', '340000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340200', '芜湖市', 'PREFECTURE', '340000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340300', '蚌埠市', 'PREFECTURE', '340000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340400', '淮南市', 'PREFECTURE', '340000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340500', '马鞍山市', 'PREFECTURE', '340000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340600', '淮北市', 'PREFECTURE', '340000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340700', '铜陵市', 'PREFECTURE', '340000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340800', '安庆市', 'PREFECTURE', '340000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341000', '黄山市', 'PREFECTURE', '340000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341100', '滁州市', 'PREFECTURE', '340000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341200', '阜阳市', 'PREFECTURE', '340000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341300', '宿州市', 'PREFECTURE', '340000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341400', '巢湖市', 'PREFECTURE', '340000', '1999-07-01', '2011-08-22');
INSERT INTO public.basedata_division VALUES ('341500', '六安市', 'PREFECTURE', '340000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341600', '亳州市', 'PREFECTURE', '340000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341700', '池州市', 'PREFECTURE', '340000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341800', '宣城市', 'PREFECTURE', '340000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340102', '瑶海区', 'COUNTY', '340100', '2002-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340102', '东市区', 'COUNTY', '340100', '1980-01-01', '2002-01-01');
INSERT INTO public.basedata_division VALUES ('340103', '庐阳区', 'COUNTY', '340100', '2002-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340103', '中市区', 'COUNTY', '340100', '1980-01-01', '2002-01-01');
INSERT INTO public.basedata_division VALUES ('340104', '蜀山区', 'COUNTY', '340100', '2002-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340104', '西市区', 'COUNTY', '340100', '1980-01-01', '2002-01-01');
INSERT INTO public.basedata_division VALUES ('340111', '包河区', 'COUNTY', '340100', '2002-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340111', '郊区', 'COUNTY', '340100', '1980-01-01', '2002-01-01');
INSERT INTO public.basedata_division VALUES ('340121', '长丰县', 'COUNTY', '340100', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340122', '肥东县', 'COUNTY', '340100', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340123', '肥西县', 'COUNTY', '340100', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340124', '庐江县', 'COUNTY', '340100', '2011-08-22', NULL);
INSERT INTO public.basedata_division VALUES ('340181', '巢湖市', 'COUNTY', '340100', '2011-08-22', NULL);
INSERT INTO public.basedata_division VALUES ('340202', '镜湖区', 'COUNTY', '340200', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340207', '鸠江区', 'COUNTY', '340200', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340208', '三山区', 'COUNTY', '340200', '2005-01-01', '2020-07-01');
INSERT INTO public.basedata_division VALUES ('340209', '弋江区', 'COUNTY', '340200', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340210', '湾沚区', 'COUNTY', '340200', '2020-07-01', NULL);
INSERT INTO public.basedata_division VALUES ('340212', '繁昌区', 'COUNTY', '340200', '2020-07-01', NULL);
INSERT INTO public.basedata_division VALUES ('340221', '芜湖县', 'COUNTY', '340200', '1980-01-01', '2020-07-01');
INSERT INTO public.basedata_division VALUES ('340222', '繁昌县', 'COUNTY', '340200', '1980-01-01', '2020-07-01');
INSERT INTO public.basedata_division VALUES ('340223', '南陵县', 'COUNTY', '340200', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340225', '无为县', 'COUNTY', '340200', '2011-08-22', '2019-12-01');
INSERT INTO public.basedata_division VALUES ('340281', '无为市', 'COUNTY', '340200', '2019-12-01', NULL);
INSERT INTO public.basedata_division VALUES ('340302', '龙子湖区', 'COUNTY', '340300', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340303', '蚌山区', 'COUNTY', '340300', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340304', '禹会区', 'COUNTY', '340300', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340311', '淮上区', 'COUNTY', '340300', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340321', '怀远县', 'COUNTY', '340300', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340322', '五河县', 'COUNTY', '340300', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340323', '固镇县', 'COUNTY', '340300', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340402', '大通区', 'COUNTY', '340400', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340403', '田家庵区', 'COUNTY', '340400', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340404', '谢家集区', 'COUNTY', '340400', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340405', '八公山区', 'COUNTY', '340400', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340406', '潘集区', 'COUNTY', '340400', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340421', '凤台县', 'COUNTY', '340400', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340422', '寿县', 'COUNTY', '340400', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340502', '金家庄区', 'COUNTY', '340500', '1980-01-01', '2012-09-01');
INSERT INTO public.basedata_division VALUES ('340503', '花山区', 'COUNTY', '340500', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340504', '雨山区', 'COUNTY', '340500', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340506', '博望区', 'COUNTY', '340500', '2012-09-01', NULL);
INSERT INTO public.basedata_division VALUES ('340521', '当涂县', 'COUNTY', '340500', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340522', '含山县', 'COUNTY', '340500', '2011-08-22', NULL);
INSERT INTO public.basedata_division VALUES ('340523', '和县', 'COUNTY', '340500', '2011-08-22', NULL);
INSERT INTO public.basedata_division VALUES ('340602', '杜集区', 'COUNTY', '340600', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340603', '相山区', 'COUNTY', '340600', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340604', '烈山区', 'COUNTY', '340600', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340621', '濉溪县', 'COUNTY', '340600', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340702', '铜官山区', 'COUNTY', '340700', '1980-01-01', '2015-11-01');
INSERT INTO public.basedata_division VALUES ('340703', '狮子山区', 'COUNTY', '340700', '1980-01-01', '2015-11-01');
INSERT INTO public.basedata_division VALUES ('340705', '铜官区', 'COUNTY', '340700', '2015-11-01', NULL);
INSERT INTO public.basedata_division VALUES ('340706', '义安区', 'COUNTY', '340700', '2015-11-01', NULL);
INSERT INTO public.basedata_division VALUES ('340711', '郊区', 'COUNTY', '340700', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340721', '铜陵县', 'COUNTY', '340700', '1980-01-01', '2015-11-01');
INSERT INTO public.basedata_division VALUES ('340722', '枞阳县', 'COUNTY', '340700', '2015-11-01', NULL);
INSERT INTO public.basedata_division VALUES ('340802', '迎江区', 'COUNTY', '340800', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340803', '大观区', 'COUNTY', '340800', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340811', '宜秀区', 'COUNTY', '340800', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340822', '怀宁县', 'COUNTY', '340800', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340823', '枞阳县', 'COUNTY', '340800', '1980-01-01', '2015-11-01');
INSERT INTO public.basedata_division VALUES ('340824', '潜山县', 'COUNTY', '340800', '1980-01-01', '2018-06-01');
INSERT INTO public.basedata_division VALUES ('340825', '太湖县', 'COUNTY', '340800', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340826', '宿松县', 'COUNTY', '340800', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340827', '望江县', 'COUNTY', '340800', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340828', '岳西县', 'COUNTY', '340800', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340881', '桐城市', 'COUNTY', '340800', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('340882', '潜山市', 'COUNTY', '340800', '2018-06-01', NULL);
INSERT INTO public.basedata_division VALUES ('341002', '屯溪区', 'COUNTY', '341000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341003', '黄山区', 'COUNTY', '341000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341004', '徽州区', 'COUNTY', '341000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341021', '歙县', 'COUNTY', '341000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341022', '休宁县', 'COUNTY', '341000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341023', '黟县', 'COUNTY', '341000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341024', '祁门县', 'COUNTY', '341000', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341102', '琅琊区', 'COUNTY', '341100', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341103', '南谯区', 'COUNTY', '341100', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341122', '来安县', 'COUNTY', '341100', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341124', '全椒县', 'COUNTY', '341100', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341125', '定远县', 'COUNTY', '341100', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341126', '凤阳县', 'COUNTY', '341100', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341181', '天长市', 'COUNTY', '341100', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341182', '明光市', 'COUNTY', '341100', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341202', '颍州区', 'COUNTY', '341200', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341203', '颍东区', 'COUNTY', '341200', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341204', '颍泉区', 'COUNTY', '341200', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341221', '临泉县', 'COUNTY', '341200', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341222', '太和县', 'COUNTY', '341200', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341225', '阜南县', 'COUNTY', '341200', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341226', '颍上县', 'COUNTY', '341200', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341282', '界首市', 'COUNTY', '341200', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341302', '埇桥区', 'COUNTY', '341300', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341321', '砀山县', 'COUNTY', '341300', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341322', '萧县', 'COUNTY', '341300', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341323', '灵璧县', 'COUNTY', '341300', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341324', '泗县', 'COUNTY', '341300', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341402', '居巢区', 'COUNTY', '341400', '1999-07-01', '2011-08-22');
INSERT INTO public.basedata_division VALUES ('341421', '庐江县', 'COUNTY', '341400', '1999-07-01', '2011-08-22');
INSERT INTO public.basedata_division VALUES ('341422', '无为县', 'COUNTY', '341400', '1999-07-01', '2011-08-22');
INSERT INTO public.basedata_division VALUES ('341423', '含山县', 'COUNTY', '341400', '1999-07-01', '2011-08-22');
INSERT INTO public.basedata_division VALUES ('341424', '和县', 'COUNTY', '341400', '1999-07-01', '2011-08-22');
INSERT INTO public.basedata_division VALUES ('341502', '金安区', 'COUNTY', '341500', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341503', '裕安区', 'COUNTY', '341500', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341504', '叶集区', 'COUNTY', '341500', '2015-12-01', NULL);
INSERT INTO public.basedata_division VALUES ('341522', '霍邱县', 'COUNTY', '341500', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341523', '舒城县', 'COUNTY', '341500', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341524', '金寨县', 'COUNTY', '341500', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341525', '霍山县', 'COUNTY', '341500', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341602', '谯城区', 'COUNTY', '341600', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341621', '涡阳县', 'COUNTY', '341600', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341622', '蒙城县', 'COUNTY', '341600', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341623', '利辛县', 'COUNTY', '341600', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341702', '贵池区', 'COUNTY', '341700', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341721', '东至县', 'COUNTY', '341700', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341722', '石台县', 'COUNTY', '341700', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341723', '青阳县', 'COUNTY', '341700', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341802', '宣州区', 'COUNTY', '341800', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341821', '郎溪县', 'COUNTY', '341800', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341822', '广德县', 'COUNTY', '341800', '1980-01-01', '2019-09-01');
INSERT INTO public.basedata_division VALUES ('341823', '泾县', 'COUNTY', '341800', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341824', '绩溪县', 'COUNTY', '341800', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341825', '旌德县', 'COUNTY', '341800', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341881', '宁国市', 'COUNTY', '341800', '1980-01-01', NULL);
INSERT INTO public.basedata_division VALUES ('341882', '广德市', 'COUNTY', '341800', '2019-09-01', NULL);


--
-- Data for Name: basedata_organisation; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.basedata_organisation OVERRIDING SYSTEM VALUE VALUES (1, '11340000790427948Y', '安徽省市场监督管理局', '340000', '2', '1', NULL, '合肥市包河区繁华大道1888号', '0551-62888001', false, '2026-12-03 17:00:37.54849+00', '2026-12-03 17:00:37.54849+00');
INSERT INTO public.basedata_organisation OVERRIDING SYSTEM VALUE VALUES (2, '11340100MB0123456X', '合肥市市场监督管理局', '340100', '3', '1', '11340000790427948Y', '', '', false, '2026-12-03 17:00:37.54849+00', '2026-12-03 17:00:37.54849+00');


--
-- Data for Name: basedata_person; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.basedata_person VALUES ('a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1', 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2', false, '2026-12-03 17:00:37.54849+00');


--
-- Data for Name: catalog_attachment; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: catalog_base_item; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.catalog_base_item VALUES ('010000100100', '食品经营许可', '01', '2026-12-03 17:00:37.54849+00', 'baseline');


--
-- Data for Name: catalog_item; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.catalog_item OVERRIDING SYSTEM VALUE VALUES (1, '11340000790427948Y2010000100100', '010000100100', '11340000790427948Y', '2', '340000', '2026-12-03 17:00:37.54849+00', 'baseline');


--
-- Data for Name: catalog_item_version; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.catalog_item_version OVERRIDING SYSTEM VALUE VALUES (1, 1, 1, 'PUBLISHED', '食品经营许可', '{"legalBasis": "《中华人民共和国食品安全法》"}', NULL, 'baseline', '2026-12-03 17:00:37.54849+00', '2026-12-03 17:00:37.54849+00', NULL, NULL, NULL, NULL, NULL, 'baseline', '2026-12-03 17:00:37.54849+00', NULL, NULL, NULL);


--
-- Data for Name: catalog_search_entry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.catalog_search_entry VALUES (1, 1, '11340000790427948Y2010000100100', '食品经营许可', '01', '11340000790427948Y', '安徽省市场监督管理局', '340000', '2', 3, 0, true, '{LEGAL_PERSON}', '{FOOD}', '食品经营许可证', 20, 'W', '{食品}', '{食品,经营}');


--
-- Data for Name: event_publication; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.event_publication VALUES ('5d81b5e0-0000-4000-8000-000000000001', 'org.zhengwu.catalog.PublishedCatalog.on(org.zhengwu.catalog.ItemPublished)', 'org.zhengwu.catalog.ItemPublished', '{"implementationCode":"11340000790427948Y2010000100100","versionNo":1,"publishedAt":"2026-11-01T02:00:00Z"}', '2026-11-01 02:00:00+00', '2026-11-01 02:00:01+00', 'COMPLETED', 1, '2026-11-01 02:00:00+00');
INSERT INTO public.event_publication VALUES ('5d81b5e0-0000-4000-8000-000000000002', 'org.zhengwu.catalog.ItemSearch.on(org.zhengwu.catalog.ItemPublished)', 'org.zhengwu.catalog.ItemPublished', '{"implementationCode":"11340000790427948Y2010000100100","versionNo":1,"publishedAt":"2026-11-01T02:00:00Z"}', '2026-11-01 02:00:00+00', NULL, 'FAILED', 1, '2026-11-01 02:00:00+00');


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.flyway_schema_history VALUES (1, '1', 'event publication registry', 'SQL', 'shared/V1__event_publication_registry.sql', -223185478, 'postgres', '2026-12-03 16:59:23.744209', 136, true);
INSERT INTO public.flyway_schema_history VALUES (2, '2', 'divisions and organisations', 'SQL', 'basedata/V2__divisions_and_organisations.sql', 856559213, 'postgres', '2026-12-03 16:59:24.110152', 258, true);
INSERT INTO public.flyway_schema_history VALUES (3, '3', 'once tasks', 'SQL', 'shared/V3__once_tasks.sql', -341611423, 'postgres', '2026-12-03 16:59:24.520206', 36, true);
INSERT INTO public.flyway_schema_history VALUES (4, '4', 'staff accounts', 'SQL', 'identity/V4__staff_accounts.sql', 2053679611, 'postgres', '2026-12-03 16:59:24.614802', 43, true);
INSERT INTO public.flyway_schema_history VALUES (5, '5', 'catalogue', 'SQL', 'catalog/V5__catalogue.sql', 1355364048, 'postgres', '2026-12-03 16:59:24.737009', 221, true);
INSERT INTO public.flyway_schema_history VALUES (6, '6', 'attachments', 'SQL', 'catalog/V6__attachments.sql', -308369715, 'postgres', '2026-12-03 16:59:25.088197', 28, true);
INSERT INTO public.flyway_schema_history VALUES (7, '7', 'accountability log', 'SQL', 'shared/V7__accountability_log.sql', 19120267, 'postgres', '2026-12-03 16:59:25.145129', 78, true);
INSERT INTO public.flyway_schema_history VALUES (8, '8', 'accounts and sign in', 'SQL', 'identity/V8__accounts_and_sign_in.sql', 275759230, 'postgres', '2026-12-03 16:59:25.299857', 275, true);
INSERT INTO public.flyway_schema_history VALUES (9, '9', 'population', 'SQL', 'basedata/V9__population.sql', 187866880, 'postgres', '2026-12-03 16:59:25.677882', 35, true);
INSERT INTO public.flyway_schema_history VALUES (10, '10', 'audit retention mark', 'SQL', 'shared/V10__audit_retention_mark.sql', 1754535854, 'postgres', '2026-12-03 16:59:25.730379', 30, true);
INSERT INTO public.flyway_schema_history VALUES (11, '11', 'entries without versions', 'SQL', 'catalog/V11__entries_without_versions.sql', -1322930998, 'postgres', '2026-12-03 16:59:25.827677', 5, true);
INSERT INTO public.flyway_schema_history VALUES (12, '12', 'token lookups', 'SQL', 'identity/V12__token_lookups.sql', -731214743, 'postgres', '2026-12-03 16:59:25.845331', 45, true);


--
-- Data for Name: identity_account; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.identity_account OVERRIDING SYSTEM VALUE VALUES (1, 'admin', '平台管理员', '{argon2}$argon2id$v=19$m=19456,t=2,p=1$T0jzIHeGsse7i5BqXQvR9w$arEh5teeD6t9bFCv6Y0z0hty3fF29VpXs4j3zhb+UH0', 'STAFF', NULL, true, '2026-12-03 16:59:41.409833+00', '2026-12-03 16:59:40.12376+00', 'd7f3b8b5-ddd0-4528-9329-5ca7f09bcee8', NULL, NULL, NULL, NULL, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);


--
-- Data for Name: identity_account_role; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.identity_account_role VALUES (1, 'ADMIN');
INSERT INTO public.identity_account_role VALUES (1, 'CATALOG_EDITOR');
INSERT INTO public.identity_account_role VALUES (1, 'CATALOG_REVIEWER');
INSERT INTO public.identity_account_role VALUES (1, 'IDENTITY_CLERK');


--
-- Data for Name: identity_agent_grant; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: identity_enterprise; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: identity_notification_outbox; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.identity_notification_outbox OVERRIDING SYSTEM VALUE VALUES (1, 'EMAIL', 'admin@example.gov.cn', '验证码', '您的验证码是 123456', '2026-10-01 00:00:00+00');


--
-- Data for Name: identity_one_time_code; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.identity_one_time_code OVERRIDING SYSTEM VALUE VALUES (1, 1, 'PASSWORD_RESET', 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3', '2026-10-01 00:10:00+00', 0, '2026-10-01 00:02:00+00', '2026-10-01 00:00:00+00');


--
-- Data for Name: identity_password_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.identity_password_history VALUES (1, '{argon2}$argon2id$v=19$m=19456,t=2,p=1$T0jzIHeGsse7i5BqXQvR9w$arEh5teeD6t9bFCv6Y0z0hty3fF29VpXs4j3zhb+UH0', '2026-12-03 16:59:41.409833+00');


--
-- Data for Name: identity_recovery_code; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: identity_role; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.identity_role VALUES ('ADMIN', '平台管理员', 'STAFF');
INSERT INTO public.identity_role VALUES ('CATALOG_EDITOR', '事项编制人员', 'STAFF');
INSERT INTO public.identity_role VALUES ('CATALOG_REVIEWER', '事项审核人员', 'STAFF');
INSERT INTO public.identity_role VALUES ('IDENTITY_CLERK', '窗口实名核验人员', 'STAFF');


--
-- Data for Name: identity_role_permission; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.identity_role_permission VALUES ('ADMIN', 'account.manage');
INSERT INTO public.identity_role_permission VALUES ('ADMIN', 'client.manage');
INSERT INTO public.identity_role_permission VALUES ('ADMIN', 'audit.read');
INSERT INTO public.identity_role_permission VALUES ('ADMIN', 'basedata.manage');
INSERT INTO public.identity_role_permission VALUES ('CATALOG_EDITOR', 'catalog.edit');
INSERT INTO public.identity_role_permission VALUES ('CATALOG_REVIEWER', 'catalog.review');
INSERT INTO public.identity_role_permission VALUES ('IDENTITY_CLERK', 'identity.verify-in-person');


--
-- Data for Name: identity_sign_in_failure; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.identity_sign_in_failure VALUES ('typed:nobody1', '127.0.0.1', '2026-12-03 17:00:16.862122+00');
INSERT INTO public.identity_sign_in_failure VALUES ('typed:nobody2', '127.0.0.1', '2026-12-03 17:00:17.876565+00');
INSERT INTO public.identity_sign_in_failure VALUES ('typed:nobody3', '127.0.0.1', '2026-12-03 17:00:18.753373+00');


--
-- Data for Name: identity_signing_key; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.identity_signing_key VALUES ('c7fc3e93-14c9-42aa-a96e-1da67b719066', '{"kty":"RSA","e":"AQAB","use":"sig","kid":"c7fc3e93-14c9-42aa-a96e-1da67b719066","alg":"RS256","n":"qf_uekcmiJwH9iSprSrAIE9OLz-GGCtmegg1elhSdcbxB_f_Hl-VQEOrC4nGKId-GMxKXXmXCoZ_lu1ff1DjXFKzvS_FQkmJMYPbAHjDwkh9Pgm83PzD-8NoX3ofxKPE-wAoHa6Uwjx-JyQ5vE0-JzZCRcauefslvJ3a2xsb95C754Wk8bwJuZmnjUp7gfTCiUr3P4B862SoW1DtXEB2X8UyG04uVJ8oYM3BDem6xT9lXxMMANwcrZmaEGGVYHxMZ52iNKGEyt0N89I_tVi-3cBkuuGFA2qYJRv9Pp6UoKDNwM-J-fUnv6km2W1JiGb6J5NjUvpy84HUAydBPM5_IQ"}', '\xfb3dd26ff656803b498d6ced3d964e39aae33865ced6c531399242789fa9cc69e722b60d1a2c8414e1bef9bd9a52de72270903964fff0d2ea802e0685d54985d00767917efcb718f229f0c534586c059f2b5aee775af6132d7d304e068855852c1c52816e03eac64a3f3b9347001a6ab87f35d51d0df4db551eac9c5e0084d5a7f1112a4353147fd40394e3b1a2735499c98a47f4e59b69953c300f70470dcdb18c0972317cef8dc86cf585fc9f846bf70b6b189361bc1b6d3e3ceeddff12b08fc45f49bf3e7784fcead005ae8b5b4ef1e5445de5080d1d7613a15da2059c2fa8f0af428a0ad80f5bd72f02b331289bbfec2d095dee6ff217fd924a67d3ab4135e2ea029d79f984f8a358e3cd6b4ca743bf19485fb784f85820caf1aebec9b3088002f4cd5f000b2e6385177e47923b8931480f5a2266b9ee0bedd87f107d0937321d5230f1cec1a3ed3550207eb1b07f5c34534a5a1dae70b12ac2167cd3e8f037ce8c52b4b3f1cc7bb8330d49f3c583349db9bed7efaf711a268f6402b867072b4d5c3f9b1b9a128a6e413cbd28071647a1a7cea268457ef1e17327791c261b076dc598c77b19789f210a7b0a88beb6c007a8953581e2d130aeacc82f6425c4d82e69d672103811bb51f255ee58b79476b2f104a2185beceeb74e8e9a3e603042b3501cee553024c71c7126639057734afc50cfb499c241a923b468b155916b347ceddae9a65c676527247d03d71e9b4829837bcb6557534f28a5cafc3a00547824530ac9a650685524a74b1709ddaea5b0c114cdd35c305e71ef1a3160ed3514b07807514c0fe0819396f1d6725b8e2fe413aa1c7e77d26bbba012161309d4666c76e3ec38ffeeecd367dd86556bfc228001cd3e1316914430e9a52e88becdf9dbba66105cececdbbad3af63419ec0147f47f0dc0770a6b9ab00faf54a96a4504423c169d6ab5fdb5ba0a8fefcdeb628f2d2c957f16a610aa2fb05dc4d359d5ad74a02d751d804e806e7f1cc3b1de6470405f06c75ca215372dd21ddea83ce6b01fdd6ae8f40cdc71adad08eb2c100464bd4b3b206a3ebd89c7c5e1da608e9d62e18a4a72cb0f22adad712a0d886fd5432c729a2809e8db41e1c7dbc9a49578824aa7ed2710ef33f2c4eb7d7bccfcc96b0b399b151ec3eb2aa481ea73595d95944075531152e443199c6a864815e4a7fdabbbbe2403de74b0d00c04792ada0082baced64a534d1db8370c641275bdc082429dcca32b88ebfd9c2e2dcecaf333d208f79404470745a45ff5839d6ca89a92e697a08db6912ea15854c8b094198a6e0015fe988af95e47398785a72c9699da97032fc2e1b2bda23a413cd637ecbdb43c561c133071d5feb836ca89e7eb83fbe98d1cd07c0caab0ccba50296e27705624a3a65f4496e6f009b4bd96838e20b9f1dd6b6e4ca215526c652611b7dbc120811c63010189c2e6e0a5208bcc6b7e149fe5f3a59ba963e09d107f9378ffae11c55e2b1952b839de39dda12b8baa53a81a42c55b3e79811ffaf17f5fd3b0edb58b44ba575d91b623610b13ce679095abbe6e13651623026958800ff42d43c35195f7ba4e48ec0b220cb17f3134bd2764c1f2f099d74e4dabfb2c2f5ec422184fcb539dc9d66233d0767f1150ae7f3172393fef678934d146aeb174eed70b09a5f8d0afbc845eba45a9ed2aa06c25248a33388947bf5540d7409e2981d6ca91a662e802817a8f6c5636484f0183ecd976b3eee386dc9609d8ae0c9404c81aa236d1b099cd3df9ba615ae339fb31a8b3400b4057dd06f2584ed27e0d5f41abd8fd9a5927d99122d22176db7dcca4472f63b0832ded84780b79bcca911e8eb969128297e009f259ba3399894e6061de5e9a85eda1b77c53eb1852d189f94532fcae11f10afa9afe47fbfc3be8d64784c9959b05aa95408bc485520b919e36f20e2a2828bc4bb6b979f3adfa45946821fcfc05e84956965d5fa87e7a0ed3cc99e913c4fb37bfdb009846e3c0ab0d5b3629a817cc30c4f8d4b41fdfa2587e16390ef6af317dfe79e389b7011f1bfee59f6857d9ca8c2b9a1bf80c38ef17e30de28a519774d87c0f4ddd160e1ac006e146194b82a9741302455e3e9d8306b17d5d34eec159f6bf700d103ef6840e6770ddd283b2b3ff81735ad9bac8815eb37b931ceda5f6e8f4e7e4afe0115d759d603afe1a110043482de20fbf2ed6c9b5c05aeeffd048f91a12bd89073d9530815fcc78eac9402589c6dddd10c461634c49d64c2c18b3cf193b732bc2a7a0b26cacf6e4f45f86ef4052380a19cb4efb17f158d6eb7a8c1a5ec10515871aa50977146cf6a5f3003a6ce2c97368be2402ce74dbaebae13c41f0b383f7d57be58b5098cf144a3af65a73f7a5dcd47e0d97f4ec21fea48e64c924b70f8274f501279394ec', '2026-12-03 16:59:41.933812+00', NULL);


--
-- Data for Name: oauth2_authorization; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.oauth2_authorization VALUES ('baseline-expired', 'baseline-client', 'admin', 'authorization_code', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'expired-access-token', '2026-10-01 00:00:00+00', '2026-10-01 00:05:00+00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'expired-refresh-token', '2026-10-01 00:00:00+00', '2026-10-02 00:00:00+00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.oauth2_authorization VALUES ('baseline-live', 'baseline-client', 'admin', 'authorization_code', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'live-access-token', '2026-12-03 00:00:00+00', '2099-01-01 00:00:00+00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'live-refresh-token', '2026-12-03 00:00:00+00', '2099-01-01 00:00:00+00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);


--
-- Data for Name: oauth2_authorization_consent; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: oauth2_registered_client; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.oauth2_registered_client VALUES ('baseline-client', 'baseline-portal', '2026-12-03 17:00:37.54849+00', NULL, NULL, '基线客户端', 'client_secret_basic', 'authorization_code,refresh_token', 'https://rp.example.gov.cn/callback', NULL, 'openid,profile', '{}', '{}');


--
-- Data for Name: shared_audit_entry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.shared_audit_entry VALUES (1, '2026-12-03 16:59:41.451221+00', 'system', NULL, 'identity.staff.create', 'account', 'admin', 'SUCCESS', NULL, NULL, 'ADMIN,CATALOG_EDITOR,CATALOG_REVIEWER,IDENTITY_CLERK', '0000000000000000000000000000000000000000000000000000000000000000', '03701ea2dea900c9f364bf453e2e3835c51cd8c32a85f77ad8268bb3b14c2fb7');
INSERT INTO public.shared_audit_entry VALUES (2, '2026-12-03 16:59:41.91993+00', 'system', NULL, 'basedata.division.import', 'division-file', NULL, 'SUCCESS', NULL, NULL, 'inserted 142, updated 0', '03701ea2dea900c9f364bf453e2e3835c51cd8c32a85f77ad8268bb3b14c2fb7', '76f6fc8a82849392791a2b9b3d4cf50ad5935e39c51ef14254f12823309a658f');
INSERT INTO public.shared_audit_entry VALUES (3, '2026-12-03 16:59:45.087222+00', 'system', NULL, 'identity.signing-key.rotate', 'signing-key', 'c7fc3e93-14c9-42aa-a96e-1da67b719066', 'SUCCESS', NULL, NULL, 'first key', '76f6fc8a82849392791a2b9b3d4cf50ad5935e39c51ef14254f12823309a658f', '078092f323bbed419a99adca2d70197fedeb418c5ed1ac87dfa4974a83646831');
INSERT INTO public.shared_audit_entry VALUES (4, '2026-12-03 17:00:16.797197+00', 'anonymous', NULL, 'identity.sign-in', 'account', 'nobody1', 'FAILURE', '127.0.0.1', '967340e6-a10d-4162-8078-5213f4d93980', 'BadCredentialsException', '078092f323bbed419a99adca2d70197fedeb418c5ed1ac87dfa4974a83646831', '5db7b2846132adb4442b36f4092f5adce323a3083519faf93da83b1957543292');
INSERT INTO public.shared_audit_entry VALUES (5, '2026-12-03 17:00:17.861779+00', 'anonymous', NULL, 'identity.sign-in', 'account', 'nobody2', 'FAILURE', '127.0.0.1', '2c9036f3-6b6e-4f93-8822-eaa35ad64623', 'BadCredentialsException', '5db7b2846132adb4442b36f4092f5adce323a3083519faf93da83b1957543292', '6d54656d243950e626aa53ca9acb0f4838ac8adc5b095d816d29efa9ef1cbfaf');
INSERT INTO public.shared_audit_entry VALUES (6, '2026-12-03 17:00:18.707717+00', 'anonymous', NULL, 'identity.sign-in', 'account', 'nobody3', 'FAILURE', '127.0.0.1', 'ad10ce5c-58c0-4e19-a7ea-d3dbf9582301', 'BadCredentialsException', '6d54656d243950e626aa53ca9acb0f4838ac8adc5b095d816d29efa9ef1cbfaf', '9894c49010fc9e5ed9e0b0dee9a92fe96ddfb7de192d3cbebce16c69a05a3907');


--
-- Data for Name: shared_audit_head; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.shared_audit_head VALUES (1, 6, '9894c49010fc9e5ed9e0b0dee9a92fe96ddfb7de192d3cbebce16c69a05a3907');


--
-- Data for Name: shared_audit_retention; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.shared_audit_retention VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', NULL);


--
-- Data for Name: shared_once_task; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.shared_once_task VALUES ('identity.initial-administrator', '2026-12-03 16:59:40.12376+00');
INSERT INTO public.shared_once_task VALUES ('basedata.division-seed', '2026-12-03 16:59:41.505232+00');
INSERT INTO public.shared_once_task VALUES ('identity.first-signing-key', '2026-12-03 16:59:41.930942+00');


--
-- Name: basedata_organisation_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.basedata_organisation_id_seq', 2, true);


--
-- Name: catalog_item_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_item_id_seq', 1, true);


--
-- Name: catalog_item_version_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.catalog_item_version_id_seq', 1, true);


--
-- Name: identity_account_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.identity_account_id_seq', 1, true);


--
-- Name: identity_agent_grant_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.identity_agent_grant_id_seq', 1, false);


--
-- Name: identity_enterprise_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.identity_enterprise_id_seq', 1, false);


--
-- Name: identity_notification_outbox_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.identity_notification_outbox_id_seq', 1, true);


--
-- Name: identity_one_time_code_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.identity_one_time_code_id_seq', 1, true);


--
-- Name: basedata_division basedata_division_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.basedata_division
    ADD CONSTRAINT basedata_division_pkey PRIMARY KEY (code, effective_from);


--
-- Name: basedata_organisation basedata_organisation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.basedata_organisation
    ADD CONSTRAINT basedata_organisation_pkey PRIMARY KEY (id);


--
-- Name: basedata_organisation basedata_organisation_uscc_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.basedata_organisation
    ADD CONSTRAINT basedata_organisation_uscc_key UNIQUE (uscc);


--
-- Name: basedata_person basedata_person_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.basedata_person
    ADD CONSTRAINT basedata_person_pkey PRIMARY KEY (id_number_index);


--
-- Name: catalog_attachment catalog_attachment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_attachment
    ADD CONSTRAINT catalog_attachment_pkey PRIMARY KEY (id);


--
-- Name: catalog_base_item catalog_base_item_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_base_item
    ADD CONSTRAINT catalog_base_item_pkey PRIMARY KEY (base_code);


--
-- Name: catalog_item catalog_item_implementation_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_item
    ADD CONSTRAINT catalog_item_implementation_code_key UNIQUE (implementation_code);


--
-- Name: catalog_item catalog_item_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_item
    ADD CONSTRAINT catalog_item_pkey PRIMARY KEY (id);


--
-- Name: catalog_item_version catalog_item_version_item_id_version_no_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_item_version
    ADD CONSTRAINT catalog_item_version_item_id_version_no_key UNIQUE (item_id, version_no);


--
-- Name: catalog_item_version catalog_item_version_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_item_version
    ADD CONSTRAINT catalog_item_version_pkey PRIMARY KEY (id);


--
-- Name: catalog_search_entry catalog_search_entry_implementation_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_search_entry
    ADD CONSTRAINT catalog_search_entry_implementation_code_key UNIQUE (implementation_code);


--
-- Name: catalog_search_entry catalog_search_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_search_entry
    ADD CONSTRAINT catalog_search_entry_pkey PRIMARY KEY (item_id);


--
-- Name: event_publication event_publication_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_publication
    ADD CONSTRAINT event_publication_pkey PRIMARY KEY (id);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: identity_account identity_account_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_account
    ADD CONSTRAINT identity_account_pkey PRIMARY KEY (id);


--
-- Name: identity_account_role identity_account_role_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_account_role
    ADD CONSTRAINT identity_account_role_pkey PRIMARY KEY (account_id, role);


--
-- Name: identity_account identity_account_username_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_account
    ADD CONSTRAINT identity_account_username_key UNIQUE (username);


--
-- Name: identity_agent_grant identity_agent_grant_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_agent_grant
    ADD CONSTRAINT identity_agent_grant_pkey PRIMARY KEY (id);


--
-- Name: identity_enterprise identity_enterprise_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_enterprise
    ADD CONSTRAINT identity_enterprise_pkey PRIMARY KEY (id);


--
-- Name: identity_enterprise identity_enterprise_uscc_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_enterprise
    ADD CONSTRAINT identity_enterprise_uscc_key UNIQUE (uscc);


--
-- Name: identity_notification_outbox identity_notification_outbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_notification_outbox
    ADD CONSTRAINT identity_notification_outbox_pkey PRIMARY KEY (id);


--
-- Name: identity_one_time_code identity_one_time_code_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_one_time_code
    ADD CONSTRAINT identity_one_time_code_pkey PRIMARY KEY (id);


--
-- Name: identity_recovery_code identity_recovery_code_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_recovery_code
    ADD CONSTRAINT identity_recovery_code_pkey PRIMARY KEY (account_id, code_hash);


--
-- Name: identity_role_permission identity_role_permission_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_role_permission
    ADD CONSTRAINT identity_role_permission_pkey PRIMARY KEY (role, permission);


--
-- Name: identity_role identity_role_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_role
    ADD CONSTRAINT identity_role_pkey PRIMARY KEY (code);


--
-- Name: identity_signing_key identity_signing_key_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_signing_key
    ADD CONSTRAINT identity_signing_key_pkey PRIMARY KEY (kid);


--
-- Name: oauth2_authorization_consent oauth2_authorization_consent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.oauth2_authorization_consent
    ADD CONSTRAINT oauth2_authorization_consent_pkey PRIMARY KEY (registered_client_id, principal_name);


--
-- Name: oauth2_authorization oauth2_authorization_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.oauth2_authorization
    ADD CONSTRAINT oauth2_authorization_pkey PRIMARY KEY (id);


--
-- Name: oauth2_registered_client oauth2_registered_client_client_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.oauth2_registered_client
    ADD CONSTRAINT oauth2_registered_client_client_id_key UNIQUE (client_id);


--
-- Name: oauth2_registered_client oauth2_registered_client_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.oauth2_registered_client
    ADD CONSTRAINT oauth2_registered_client_pkey PRIMARY KEY (id);


--
-- Name: shared_audit_entry shared_audit_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.shared_audit_entry
    ADD CONSTRAINT shared_audit_entry_pkey PRIMARY KEY (seq);


--
-- Name: shared_audit_head shared_audit_head_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.shared_audit_head
    ADD CONSTRAINT shared_audit_head_pkey PRIMARY KEY (id);


--
-- Name: shared_audit_retention shared_audit_retention_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.shared_audit_retention
    ADD CONSTRAINT shared_audit_retention_pkey PRIMARY KEY (id);


--
-- Name: shared_once_task shared_once_task_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.shared_once_task
    ADD CONSTRAINT shared_once_task_pkey PRIMARY KEY (task);


--
-- Name: basedata_division_parent_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX basedata_division_parent_idx ON public.basedata_division USING btree (parent_code);


--
-- Name: basedata_organisation_division_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX basedata_organisation_division_idx ON public.basedata_organisation USING btree (division_code);


--
-- Name: catalog_item_organisation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_item_organisation_idx ON public.catalog_item USING btree (organisation_uscc);


--
-- Name: catalog_item_version_one_published; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX catalog_item_version_one_published ON public.catalog_item_version USING btree (item_id) WHERE ((status)::text = 'PUBLISHED'::text);


--
-- Name: catalog_item_version_one_working; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX catalog_item_version_one_working ON public.catalog_item_version USING btree (item_id) WHERE ((status)::text = ANY ((ARRAY['DRAFT'::character varying, 'IN_REVIEW'::character varying, 'APPROVED'::character varying])::text[]));


--
-- Name: catalog_item_version_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_item_version_status_idx ON public.catalog_item_version USING btree (status);


--
-- Name: catalog_search_division_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_search_division_idx ON public.catalog_search_entry USING btree (division_code);


--
-- Name: catalog_search_organisation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_search_organisation_idx ON public.catalog_search_entry USING btree (organisation_uscc);


--
-- Name: catalog_search_terms_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_search_terms_idx ON public.catalog_search_entry USING gin (terms);


--
-- Name: catalog_search_themes_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX catalog_search_themes_idx ON public.catalog_search_entry USING gin (themes);


--
-- Name: event_publication_by_completion_date_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX event_publication_by_completion_date_idx ON public.event_publication USING btree (completion_date);


--
-- Name: event_publication_serialized_event_hash_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX event_publication_serialized_event_hash_idx ON public.event_publication USING hash (serialized_event);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: identity_account_id_number_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX identity_account_id_number_idx ON public.identity_account USING btree (id_number_index) WHERE (id_number_index IS NOT NULL);


--
-- Name: identity_account_mobile_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX identity_account_mobile_idx ON public.identity_account USING btree (mobile) WHERE (mobile IS NOT NULL);


--
-- Name: identity_account_subject_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX identity_account_subject_idx ON public.identity_account USING btree (subject_id);


--
-- Name: identity_agent_grant_agent_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX identity_agent_grant_agent_idx ON public.identity_agent_grant USING btree (agent_id);


--
-- Name: identity_one_time_code_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX identity_one_time_code_idx ON public.identity_one_time_code USING btree (account_id, purpose, created_at DESC);


--
-- Name: identity_password_history_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX identity_password_history_idx ON public.identity_password_history USING btree (account_id, changed_at DESC);


--
-- Name: identity_sign_in_failure_ip_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX identity_sign_in_failure_ip_idx ON public.identity_sign_in_failure USING btree (client_ip, failed_at);


--
-- Name: identity_sign_in_failure_key_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX identity_sign_in_failure_key_idx ON public.identity_sign_in_failure USING btree (login_key, failed_at);


--
-- Name: oauth2_authorization_access_token_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX oauth2_authorization_access_token_idx ON public.oauth2_authorization USING btree (access_token_value);


--
-- Name: oauth2_authorization_code_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX oauth2_authorization_code_idx ON public.oauth2_authorization USING btree (authorization_code_value);


--
-- Name: oauth2_authorization_refresh_token_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX oauth2_authorization_refresh_token_idx ON public.oauth2_authorization USING btree (refresh_token_value);


--
-- Name: oauth2_authorization_state_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX oauth2_authorization_state_idx ON public.oauth2_authorization USING btree (state);


--
-- Name: shared_audit_entry_actor_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX shared_audit_entry_actor_idx ON public.shared_audit_entry USING btree (actor, occurred_at);


--
-- Name: shared_audit_entry_object_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX shared_audit_entry_object_idx ON public.shared_audit_entry USING btree (object_type, object_id, occurred_at);


--
-- Name: shared_audit_entry_time_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX shared_audit_entry_time_idx ON public.shared_audit_entry USING btree (occurred_at);


--
-- Name: catalog_item_version catalog_version_immutable; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER catalog_version_immutable BEFORE UPDATE ON public.catalog_item_version FOR EACH ROW EXECUTE FUNCTION public.catalog_version_immutable();


--
-- Name: catalog_item_version catalog_version_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER catalog_version_no_delete BEFORE DELETE ON public.catalog_item_version FOR EACH ROW EXECUTE FUNCTION public.catalog_version_no_delete();


--
-- Name: shared_audit_entry shared_audit_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER shared_audit_append_only BEFORE DELETE OR UPDATE ON public.shared_audit_entry FOR EACH ROW EXECUTE FUNCTION public.shared_audit_append_only();


--
-- Name: shared_audit_retention shared_audit_retention_forward_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER shared_audit_retention_forward_only BEFORE DELETE OR UPDATE ON public.shared_audit_retention FOR EACH ROW EXECUTE FUNCTION public.shared_audit_retention_forward_only();


--
-- Name: catalog_item catalog_item_base_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_item
    ADD CONSTRAINT catalog_item_base_code_fkey FOREIGN KEY (base_code) REFERENCES public.catalog_base_item(base_code);


--
-- Name: catalog_item_version catalog_item_version_item_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_item_version
    ADD CONSTRAINT catalog_item_version_item_id_fkey FOREIGN KEY (item_id) REFERENCES public.catalog_item(id);


--
-- Name: catalog_search_entry catalog_search_entry_item_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_search_entry
    ADD CONSTRAINT catalog_search_entry_item_id_fkey FOREIGN KEY (item_id) REFERENCES public.catalog_item(id);


--
-- Name: catalog_search_entry catalog_search_entry_version_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_search_entry
    ADD CONSTRAINT catalog_search_entry_version_id_fkey FOREIGN KEY (version_id) REFERENCES public.catalog_item_version(id);


--
-- Name: identity_account_role identity_account_role_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_account_role
    ADD CONSTRAINT identity_account_role_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.identity_account(id) ON DELETE CASCADE;


--
-- Name: identity_account_role identity_account_role_role_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_account_role
    ADD CONSTRAINT identity_account_role_role_fk FOREIGN KEY (role) REFERENCES public.identity_role(code);


--
-- Name: identity_agent_grant identity_agent_grant_agent_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_agent_grant
    ADD CONSTRAINT identity_agent_grant_agent_id_fkey FOREIGN KEY (agent_id) REFERENCES public.identity_account(id);


--
-- Name: identity_agent_grant identity_agent_grant_enterprise_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_agent_grant
    ADD CONSTRAINT identity_agent_grant_enterprise_id_fkey FOREIGN KEY (enterprise_id) REFERENCES public.identity_enterprise(id);


--
-- Name: identity_agent_grant identity_agent_grant_granted_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_agent_grant
    ADD CONSTRAINT identity_agent_grant_granted_by_fkey FOREIGN KEY (granted_by) REFERENCES public.identity_account(id);


--
-- Name: identity_enterprise identity_enterprise_representative_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_enterprise
    ADD CONSTRAINT identity_enterprise_representative_id_fkey FOREIGN KEY (representative_id) REFERENCES public.identity_account(id);


--
-- Name: identity_one_time_code identity_one_time_code_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_one_time_code
    ADD CONSTRAINT identity_one_time_code_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.identity_account(id) ON DELETE CASCADE;


--
-- Name: identity_password_history identity_password_history_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_password_history
    ADD CONSTRAINT identity_password_history_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.identity_account(id) ON DELETE CASCADE;


--
-- Name: identity_recovery_code identity_recovery_code_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_recovery_code
    ADD CONSTRAINT identity_recovery_code_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.identity_account(id) ON DELETE CASCADE;


--
-- Name: identity_role_permission identity_role_permission_role_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_role_permission
    ADD CONSTRAINT identity_role_permission_role_fkey FOREIGN KEY (role) REFERENCES public.identity_role(code) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--



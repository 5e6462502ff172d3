/**
 * The SQL an analyst would write in DuckDB instead of running Pipewright: the
 * competitor baseline. It follows the answer distribution's shape (first and
 * last attempt per user x problem, old- and new-form events, then per
 * course x part counts keyed by answer and variant, the newest record's
 * values, the response-type filter) but not every edX rule: no HTML-to-text,
 * no course-key or timestamp validation, no crash policy. Close enough to do
 * the same work, not a conformance reference.
 */

const EVENT_COLUMNS = `{event_type: 'VARCHAR', event_source: 'VARCHAR', username: 'VARCHAR', time: 'VARCHAR', context: 'JSON', event: 'JSON'}`;

/** Quote a path as a SQL string literal. */
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

function source(files: string[]): string {
  return `read_ndjson([${files.map(literal).join(', ')}], columns = ${EVENT_COLUMNS}, ignore_errors = true, format = 'newline_delimited')`;
}

/** Count of server problem_check events: DuckDB's parse-and-filter floor. */
export function filterSql(files: string[]): string {
  return `SELECT count(*) AS events FROM ${source(files)} WHERE event_type = 'problem_check' AND event_source = 'server'`;
}

const VALID_RESPONSE_TYPES = [
  'choiceresponse', 'optionresponse', 'multiplechoiceresponse',
  'numericalresponse', 'stringresponse', 'formularesponse',
].map(literal).join(', ');

/** edX's stringify: strip a string, join a list with '|' inside brackets, print anything else. */
const stringify = (json: string) => `CASE json_type(${json})
      WHEN 'VARCHAR' THEN trim(json_extract_string(${json}, '$'))
      WHEN 'ARRAY' THEN '[' || array_to_string(list_transform(from_json(${json}, '["VARCHAR"]'), x -> trim(x)), '|') || ']'
      ELSE ${json}::VARCHAR END`;

/** The answer distribution rows, one per course x part x (answer, variant). */
export function answerDistributionSql(files: string[]): string {
  return `
WITH events AS (
  SELECT trim(json_extract_string(context, '$.course_id')) AS course_id, json_extract_string(event, '$.problem_id') AS problem_id, username,
         split_part(time, '+', 1) AS ts, json_extract_string(context, '$.module.display_name') AS display_name, event
  FROM ${source(files)}
  WHERE event_type = 'problem_check' AND event_source = 'server' AND username IS NOT NULL
    AND json_type(event) = 'OBJECT' AND coalesce(json_extract_string(context, '$.course_id'), '') <> ''
    AND json_extract_string(event, '$.problem_id') IS NOT NULL
    AND (json_type(event, '$.submission') = 'OBJECT' OR json_extract(event, '$.submission') IS NULL)
    AND json_type(event, '$.answers') = 'OBJECT' AND json_keys(event, '$.answers') <> []
    -- edX drops an event whose answer ids are not ASCII or hold a tab or newline
    AND len(list_filter(json_keys(event, '$.answers') || coalesce(json_keys(event, '$.submission'), []), k -> regexp_matches(k, '[^\\x00-\\x08\\x0B-\\x7F]'))) = 0
),
ranked AS (
  SELECT *,
    row_number() OVER (PARTITION BY course_id, problem_id, username ORDER BY ts, event::VARCHAR) AS first_rank,
    row_number() OVER (PARTITION BY course_id, problem_id, username ORDER BY ts DESC, event::VARCHAR DESC) AS last_rank
  FROM events
),
attempts AS (
  SELECT *, 'first' AS category FROM ranked WHERE first_rank = 1
  UNION ALL
  SELECT *, 'last' AS category FROM ranked WHERE last_rank = 1
),
parts AS (
  -- new form: one part per submission entry; old form (no submission): answers that have a correct_map entry
  SELECT course_id, problem_id, display_name, category, ts, event, unnest(CASE WHEN json_type(event, '$.submission') = 'OBJECT'
           THEN json_keys(event, '$.submission')
           ELSE list_filter(json_keys(event, '$.answers'), k -> json_extract(event, '$.correct_map."' || k || '"') IS NOT NULL) END) AS part_id
  FROM attempts
),
records AS (
  SELECT course_id, problem_id, display_name, category, ts, part_id,
         json_extract(event, '$.submission."' || part_id || '"') AS submission, json_extract(event, '$.answers."' || part_id || '"') AS raw_value,
         json_extract(event, '$.correct_map."' || part_id || '"') AS correct_entry, json_extract_string(event, '$.state.seed') AS seed
  FROM parts
  WHERE NOT (part_id LIKE '%\\_dynamath' ESCAPE '\\' OR part_id LIKE '%\\_comment' ESCAPE '\\')
),
values AS (
  SELECT course_id, part_id, problem_id, display_name, category, ts,
         json_extract_string(submission, '$.response_type') AS response_type, json_extract_string(submission, '$.question') AS question,
         coalesce(CASE WHEN submission IS NULL THEN seed ELSE json_extract_string(submission, '$.variant') END, '') AS variant,
         CASE WHEN submission IS NULL THEN json_extract_string(correct_entry, '$.correctness') = 'correct'
              ELSE json_extract_string(submission, '$.correct') = 'true' END AS correct,
         CASE WHEN submission IS NULL OR raw_value IS DISTINCT FROM json_extract(submission, '$.answer') THEN ${stringify('raw_value')} END AS value_id,
         ${stringify("json_extract(submission, '$.answer')")} AS answer
  FROM records
),
latest AS (
  SELECT course_id, part_id, arg_max_null(response_type, ts) AS response_type, arg_max_null(problem_id, ts) AS module_id,
         arg_max_null(display_name, ts) AS display_name, arg_max_null(value_id IS NOT NULL, ts) AS uses_value_id
  FROM values GROUP BY course_id, part_id
),
grouped AS (
  SELECT course_id, part_id, coalesce(value_id, answer) || '_' || (CASE WHEN variant = '' THEN '1' ELSE variant END) AS grouping_key,
         count(*) FILTER (WHERE category = 'first') AS first_count, count(*) FILTER (WHERE category = 'last') AS last_count,
         arg_max_null(value_id, ts) AS value_id, arg_max_null(answer, ts) AS answer, arg_max_null(variant, ts) AS variant,
         arg_max_null(question, ts) AS question, arg_max_null(correct, ts) AS correct
  FROM values GROUP BY ALL
)
SELECT l.course_id, l.module_id AS "ModuleID", g.part_id AS "PartID", CASE WHEN g.correct THEN 1 ELSE 0 END AS "Correct Answer",
       g.first_count AS "First Response Count", g.last_count AS "Last Response Count",
       CASE WHEN l.uses_value_id THEN coalesce(g.value_id, '') ELSE '' END AS "ValueID",
       CASE WHEN l.uses_value_id THEN coalesce(g.answer, '') ELSE coalesce(g.answer, g.value_id) END AS "AnswerValue",
       g.variant AS "Variant", coalesce(l.display_name, '') AS "Problem Display Name", coalesce(g.question, '') AS "Question"
FROM grouped g JOIN latest l USING (course_id, part_id)
WHERE l.response_type IN (${VALID_RESPONSE_TYPES})
ORDER BY ALL`;
}

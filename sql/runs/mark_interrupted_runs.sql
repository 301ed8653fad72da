-- Runs still 'running' when a new run opens never finished: their process was killed or lost.
-- Say so, with what they committed (batches are atomic: their rows are whole). Parameter: finished_at.
UPDATE runs SET
    status = 'interrupted',
    finished_at = $1,
    n_articles_new = (SELECT count(*) FROM articles AS a WHERE a.run_id = runs.run_id),
    error_message = 'no finish recorded: the run was killed or lost; the batches it committed are kept, '
                    || 'and a re-run over the same inputs completes the rest'
WHERE status = 'running';

-- What the statement linker compares of the quotes to group (staged_link_items): the words and
-- who said them (transforms.linking.statements.speaker_key makes the speaker of source, name, kind).
SELECT q.quote_id, q.article_id, q.source_id, s.name, s.kind, q.kind AS quote_kind, q.content
FROM quotes AS q
JOIN sources AS s USING (source_id)
WHERE q.quote_id IN (SELECT item_id FROM staged_link_items);

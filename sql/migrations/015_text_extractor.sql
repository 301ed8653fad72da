-- 015_text_extractor: which extractor produced each input's text, so that a user can count or
-- re-read the pages one extractor handled: "trafilatura 2.0.0" (with " fast" when its fallback
-- extractors were off), "deep page paragraphs" for a page nested deeper than lxml reads, and
-- "as given" for text and JSONL inputs. NULL on rows loaded before this column existed.
ALTER TABLE article_inputs ADD COLUMN text_extractor VARCHAR;

-- 0014: the 2015 consultation opens on 26 January, as seed 000 says (« Du 26 janvier au 9 mars 2015 »); its
-- preset said 20 January. Only the preset's own value is corrected: a date someone chose stays theirs.
UPDATE campaign SET start_date = '2015-01-26' WHERE slug = 'concertation-2015' AND start_date = '2015-01-20';

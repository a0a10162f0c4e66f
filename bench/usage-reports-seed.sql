-- Seeds ${CUSTOMERS} customers for bench/usage-reports.sh on PostgreSQL: households, shops and a few factories
-- (none of them key accounts) in three areas, on SMS, the app, WeChat or e-mail, some green-minded, price-sensitive
-- or digital; every one consents to advice on its preferred channel; thirteen months of consumption and bills up to
-- ${MONTH} (a summer bump, some bills late). Pseudo-random but repeatable: everything is a function of the number.
INSERT INTO customer (id, name, customer_class, supply_voltage_kv, contracted_capacity_kva, contract_start,
       critical_load, priority_care, green_preference, area, preferred_channel, email, tier, segments,
       created_at, updated_at)
SELECT 'UB-' || lpad(i::text, 8, '0'), 'Usage bench ' || i,
       CASE WHEN i % 50 = 0 THEN 'INDUSTRIAL' WHEN i % 10 = 0 THEN 'COMMERCIAL' ELSE 'RESIDENTIAL' END,
       0.4, 8, DATE '2015-01-01', FALSE, FALSE, i % 7 = 0,
       (ARRAY['URBAN', 'RURAL', 'REMOTE'])[1 + i % 3],
       (ARRAY['SMS', 'APP', 'WECHAT', 'EMAIL'])[1 + (i / 3) % 4],
       'ub' || i || '@example.cn',
       CASE WHEN i % 10 = 0 THEN 'BUSINESS' ELSE 'RESIDENTIAL' END,
       concat_ws(',', CASE WHEN i % 7 = 0 THEN 'GREEN' END, CASE WHEN i % 11 = 0 THEN 'PRICE_SENSITIVE' END,
                 CASE WHEN i % 5 = 0 THEN 'DIGITAL' END),
       now(), now()
  FROM generate_series(1, ${CUSTOMERS}) i;

INSERT INTO customer_consent (customer_id, channel, purpose, granted, granted_at, granted_source, updated_at, updated_by)
SELECT 'UB-' || lpad(i::text, 8, '0'), (ARRAY['SMS', 'APP', 'WECHAT', 'EMAIL'])[1 + (i / 3) % 4], 'ADVICE', TRUE,
       now(), 'BENCH', now(), 'bench'
  FROM generate_series(1, ${CUSTOMERS}) i;

INSERT INTO customer_consumption (customer_id, billing_month, kwh, billed_amount, paid_on_time)
SELECT 'UB-' || lpad(i::text, 8, '0'), m.month,
       k.kwh, round(k.kwh * 0.56, 2), (i + m.n) % 13 <> 0
  FROM generate_series(1, ${CUSTOMERS}) i
 CROSS JOIN LATERAL (SELECT n, (DATE '${MONTH}-01' - make_interval(months => n))::date AS month
                       FROM generate_series(0, 12) n) m
 CROSS JOIN LATERAL (SELECT ((CASE WHEN i % 50 = 0 THEN 40000 WHEN i % 10 = 0 THEN 3000 ELSE 150 END)
                             * (1 + ((i * 7 + m.n * 13) % 60) / 100.0)
                             * (CASE WHEN extract(month FROM m.month) IN (6, 7, 8) THEN 1.5 ELSE 1 END))::numeric(14, 2)
                            AS kwh) k;

ANALYZE customer;
ANALYZE customer_consent;
ANALYZE customer_consumption;

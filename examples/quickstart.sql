-- hive-batch quickstart: a partitioned table, bundled sample data, and a CTAS with Hive aggregates.
-- Run from the repository root: npm start  (or: node packages/cli/bin.js -f examples/quickstart.sql)

DROP TABLE IF EXISTS sales_summary;
DROP TABLE IF EXISTS sales;

CREATE TABLE sales (
  order_id INT,
  customer STRING,
  product  STRING,
  amount   DECIMAL(10,2),
  quantity INT
)
PARTITIONED BY (region STRING)
ROW FORMAT DELIMITED FIELDS TERMINATED BY ','
STORED AS TEXTFILE;

LOAD DATA LOCAL INPATH 'examples/data/sales/amer.csv' INTO TABLE sales PARTITION (region = 'amer');
LOAD DATA LOCAL INPATH 'examples/data/sales/apac.csv' INTO TABLE sales PARTITION (region = 'apac');
LOAD DATA LOCAL INPATH 'examples/data/sales/emea.csv' INTO TABLE sales PARTITION (region = 'emea');

SHOW PARTITIONS sales;

-- One row per region: order count, distinct customers, revenue, spread and median of order amounts,
-- and the products sold.
CREATE TABLE sales_summary AS
SELECT region,
       count(*)                                        AS orders,
       count(DISTINCT customer)                        AS customers,
       sum(amount)                                     AS revenue,
       round(stddev_samp(amount), 2)                   AS amount_stddev,
       percentile_approx(CAST(amount AS DOUBLE), 0.5)  AS median_amount,
       sort_array(collect_set(product))                AS products
FROM sales
GROUP BY region;

SELECT * FROM sales_summary ORDER BY region;

package org.nmt4j.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Spark contexts for tests: local mode, loopback only, no web UI. */
final class LocalSpark {

    private LocalSpark() {
    }

    /** A local context with {@code threads} task threads, each task tried at most {@code attempts} times. */
    static JavaSparkContext context(int threads, int attempts) {
        SparkConf conf = new SparkConf()
                .setMaster("local[" + threads + "," + attempts + "]")
                .setAppName("nmt4j-test")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.sql.shuffle.partitions", "2");
        return new JavaSparkContext(conf);
    }
}

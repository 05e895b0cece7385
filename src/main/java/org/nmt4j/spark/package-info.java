/**
 * Distributed jobs on Apache Spark, for corpora and inputs that outgrow one machine.
 *
 * <p>{@link org.nmt4j.spark.DistributedTranslation} translates a text dataset line by line with the batched
 * decoder, one model per executor JVM ({@link org.nmt4j.spark.ModelCache}), output in input order;
 * {@link org.nmt4j.spark.DistributedVocabulary} counts tokens over a distributed corpus and builds, on the driver,
 * the same vocabulary (and BPE codes) as the single-machine {@code vocab} command. {@link org.nmt4j.spark.TextLines}
 * reads the lines of many files strictly (UTF-8 checked per line, each line knowing its file), and
 * {@link org.nmt4j.spark.SparkJobs} is the facade the {@code nmt4j spark ...} commands call.
 *
 * <p>Spark is a {@code provided} dependency: it is on the classpath under {@code spark-submit} and in the tests, not
 * in {@code target/nmt4j.jar}. Only this package names Spark types.
 */
package org.nmt4j.spark;

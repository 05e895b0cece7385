/**
 * Training: {@link org.nmt4j.train.TrainingPipeline} turns a corpus and a {@link org.nmt4j.modeldir.TrainingConfig}
 * into a model directory; {@link org.nmt4j.train.Trainer} runs the loop (validation, learning-rate decay, early
 * stopping, checkpoints that {@code --resume} continues exactly); {@link org.nmt4j.train.GradientWorkers} splits
 * each batch over one worker thread per core and sums the gradients; {@link org.nmt4j.train.AdamOptimizer} is Adam
 * with gradient-norm clipping in plain Java; {@link org.nmt4j.train.TrainingBenchmark} measures throughput.
 * Model directories are read and written by {@link org.nmt4j.modeldir.ModelDirectory} and its weight and state files;
 * resume checkpoints by {@link org.nmt4j.train.Checkpoints}, each a directory written as one verified unit.
 */
package org.nmt4j.train;

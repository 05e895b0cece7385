/**
 * File helpers shared by every stage: {@link org.nmt4j.io.AtomicFiles} (temp file, fsync, rename) so nothing is left
 * half-written, the {@link org.nmt4j.io.FileOperations} seam those writes go through (tests make any step fail), and
 * {@link org.nmt4j.io.IoErrors} for one-line messages that name the file; {@link org.nmt4j.io.ProcessMemory} reads the
 * process's resident memory for the benchmarks.
 */
package org.nmt4j.io;

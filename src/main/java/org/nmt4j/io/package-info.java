/**
 * File helpers shared by every stage: {@link org.nmt4j.io.AtomicFiles} (temp file, fsync, rename) so nothing is left
 * half-written, the {@link org.nmt4j.io.FileOperations} seam those writes go through (tests make any step fail), and
 * {@link org.nmt4j.io.IoErrors} for one-line messages that name the file; {@link org.nmt4j.io.Utf8LineReader}, the one
 * strict reader of UTF-8 lines (its line-end rules for data and for sacreBLEU-compatible scoring), whose errors, and
 * the corpus, vocabulary and codes readers', are {@link org.nmt4j.io.TextFileException}s naming file and line;
 * {@link org.nmt4j.io.ProcessMemory} reads the process's resident memory for the benchmarks.
 */
package org.nmt4j.io;

/**
 * The web app: a Javalin server ({@link org.nmt4j.web.TranslationServer}) with a JSON API and the static page
 * under {@code web/} that draws the attention alignment as a heatmap.
 *
 * <p>The server only knows the translation side through {@link org.nmt4j.web.TranslationService}, so it can be
 * tested with a fake and the decoder can change without touching HTTP code. {@code POST /api/translate} translates
 * ({@link org.nmt4j.web.TranslateRequest}, {@link org.nmt4j.web.TranslateResponse}); {@code POST /api/align} runs a
 * model teacher-forced over a given pair ({@link org.nmt4j.web.AlignRequest}, {@link org.nmt4j.web.AlignResponse}).
 *
 * <p>{@link org.nmt4j.web.ServingBenchmark} loads the API over HTTP on this machine and reports throughput, latency
 * percentiles ({@link org.nmt4j.web.LatencySummary}) and the server's memory ({@link org.nmt4j.io.ProcessMemory}).
 */
package org.nmt4j.web;

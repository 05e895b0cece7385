/**
 * The web app: a Javalin server ({@link org.nmt4j.web.TranslationServer}) with a JSON API and the static page
 * under {@code web/} that draws the attention alignment as a heatmap.
 *
 * <p>The server only knows the translation side through {@link org.nmt4j.web.TranslationService}, so it can be
 * tested with a fake and the decoder can change without touching HTTP code.
 */
package org.nmt4j.web;

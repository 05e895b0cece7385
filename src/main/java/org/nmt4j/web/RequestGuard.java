package org.nmt4j.web;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses requests that a translation server on a person's own machine should never answer.
 *
 * <ul>
 *   <li>A foreign {@code Host} header (403): a web page on another site can make the browser resolve its own name
 *       to 127.0.0.1 ("DNS rebinding") and then read the API as if it were same-origin; its requests still carry
 *       the site's name as Host. When bound to loopback, only {@code localhost}, {@code 127.0.0.1} and
 *       {@code [::1]} (any port) are accepted, plus the configured names.</li>
 *   <li>A cross-origin write (403): a POST (or another non-reading method) under {@code /api/} whose
 *       {@code Origin} header is neither the server's own origin nor a configured one.</li>
 *   <li>A POST under {@code /api/} that is not {@code application/json} (415): browsers send {@code text/plain},
 *       form and multipart bodies cross-site without asking, JSON only after a CORS check this server never
 *       grants.</li>
 * </ul>
 * Instances are immutable and thread-safe.
 */
public final class RequestGuard {

    /** Host names a loopback-bound server always answers to. */
    public static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "::1");
    /** An entry of allowed hosts or origins that allows every one. */
    public static final String ANY = "*";

    private final Set<String> hosts;      // lower case, without brackets or port; null: any host
    private final Set<String> origins;    // lower case; null: any origin

    /** The guard for a server with this configuration. */
    public RequestGuard(ServerConfig config) {
        boolean anyHost = config.allowedHosts().contains(ANY)
                || (config.allowedHosts().isEmpty() && !config.loopbackOnly());
        if (anyHost) {
            this.hosts = null;
        } else {
            this.hosts = new HashSet<>(LOOPBACK_NAMES);
            for (String h : config.allowedHosts()) hosts.add(hostName(h));
        }
        if (config.allowedOrigins().contains(ANY)) {
            this.origins = null;
        } else {
            this.origins = new HashSet<>();
            for (String o : config.allowedOrigins()) origins.add(trimSlash(o.toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * Why the server must refuse this request, if it must.
     *
     * @param method      HTTP method
     * @param path        request path, e.g. {@code /api/translate}
     * @param host        the {@code Host} header, or null when absent
     * @param origin      the {@code Origin} header, or null when absent
     * @param contentType the {@code Content-Type} header, or null when absent
     * @return the refusal (403 or 415) with a message for the client, or empty to let the request through
     */
    public Optional<ApiException> check(String method, String path, String host, String origin, String contentType) {
        if (host != null && hosts != null && !hosts.contains(hostName(host))) {
            return Optional.of(new ApiException(403, "Host '" + host + "' is not allowed; this server answers to "
                    + String.join(", ", hosts.stream().sorted().toList())
                    + " (serve --allowed-hosts adds names)"));
        }
        boolean write = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        if (!write || !path.startsWith("/api/")) return Optional.empty();
        if (origin != null && !sameOrigin(origin, host) && origins != null
                && !origins.contains(trimSlash(origin.toLowerCase(Locale.ROOT)))) {
            return Optional.of(new ApiException(403, "cross-origin request from '" + origin
                    + "' refused; only pages served by this server may call the API"
                    + " (serve --allowed-origins adds origins)"));
        }
        if (method.equals("POST") && !isJson(contentType)) {
            return Optional.of(new ApiException(415, "Content-Type must be application/json, got "
                    + (contentType == null ? "none" : "'" + contentType + "'")));
        }
        return Optional.empty();
    }

    /** The host part of a Host header or host name: lower case, without port or IPv6 brackets. */
    static String hostName(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && h.indexOf(':') == colon) h = h.substring(0, colon);   // one colon: name:port
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** Whether {@code origin} (scheme://host[:port]) names the host and port the request was sent to. */
    private static boolean sameOrigin(String origin, String host) {
        int scheme = origin.indexOf("://");
        return host != null && scheme > 0 && origin.substring(scheme + 3).equalsIgnoreCase(host.trim());
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) return false;
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.equalsIgnoreCase("application/json");
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}

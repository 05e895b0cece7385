package org.nmt4j.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to 127.0.0.1, for requests that {@link java.net.http.HttpClient} will not send: any
 * Host header, broken request lines, huge headers, chunked or trickled bodies.
 */
final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp() {
    }

    /** A socket connected to the server on 127.0.0.1 that gives up reading after 10 s. */
    static Socket connect(TranslationServer server) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /**
     * A request head with {@code Connection: close} (so the answer ends with the connection) and the given
     * headers; Host is {@code 127.0.0.1:port} unless {@code headers} names one.
     */
    static String head(TranslationServer server, String method, String path, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", "127.0.0.1:" + server.port());
        all.putAll(headers);
        all.put("Connection", "close");
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        all.forEach((name, value) -> {
            if (value != null) head.append(name).append(": ").append(value).append("\r\n");
        });
        return head.append("\r\n").toString();
    }

    /** Sends a request (head and body as given) and reads the whole answer. */
    static TranslationServerTest.Reply send(TranslationServer server, String request) throws IOException {
        try (Socket socket = connect(server)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    /** A request with a JSON-typed body and a Content-Length. */
    static TranslationServerTest.Reply send(TranslationServer server, String method, String path,
                                            Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Content-Length", Integer.toString(bytes.length));
        return send(server, head(server, method, path, all) + body);
    }

    /** Reads an answer up to the end of the connection (every request here says {@code Connection: close}). */
    static TranslationServerTest.Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) all.write(buffer, 0, n);
        } catch (SocketException e) {
            // reset after the answer: keep what arrived
        }
        String raw = all.toString(StandardCharsets.ISO_8859_1);
        int end = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/1.1 ") || end < 0) throw new IOException("no HTTP answer: '" + raw + "'");
        int status = Integer.parseInt(raw.substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : raw.substring(0, end).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] bytes = all.toByteArray();
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = dechunk(body);
        String text = new String(body, StandardCharsets.UTF_8);
        String type = headers.getOrDefault("content-type", "");
        JsonNode json = type.startsWith("application/json") && !text.isEmpty() ? JSON.readTree(text) : null;
        return new TranslationServerTest.Reply(status, type, json, text);
    }

    /** Writes {@code bytes} as chunks of {@code chunk} bytes (without the final empty chunk). */
    static void writeChunked(OutputStream out, long bytes, int chunk) throws IOException {
        byte[] data = new byte[chunk];
        java.util.Arrays.fill(data, (byte) 'a');
        byte[] size = (Integer.toHexString(chunk) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        for (long sent = 0; sent < bytes; sent += chunk) {
            out.write(size);
            out.write(data);
            out.write(crlf);
        }
        out.flush();
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = indexOfCrlf(body, i);
            if (lineEnd < 0) break;
            String sizeLine = new String(body, i, lineEnd - i, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = Integer.parseInt(sizeLine, 16);
            if (size == 0) break;
            out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') return i;
        }
        return -1;
    }
}

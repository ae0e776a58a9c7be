package io.tribu.analytics.outage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of the test PostgreSQL: the service starts through it (migrations, pool), then a test
 * {@link #cut}s it, closing every connection and refusing new ones, as a database that went away does.
 */
public class DatabaseProxy implements QuarkusTestResourceLifecycleManager {

    /**
     * Test resources and tests may see this class through different class loaders: the switch is a system property
     * (text only: other libraries read every system property as a string), which the proxy answers by closing.
     */
    private static final String SWITCH = "tribu.test.database-proxy";

    private volatile ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        String host = System.getenv().getOrDefault("TRIBU_DB_HOST", "localhost");
        int port = Integer.parseInt(System.getenv().getOrDefault("TRIBU_DB_PORT", "55432"));
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the database proxy", e);
        }
        Thread accept = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket server = new Socket(host, port);
                    sockets.add(client);
                    sockets.add(server);
                    pump(client, server);
                    pump(server, client);
                } catch (IOException e) {
                    // closed by cut(), or one connection failed: the service sees it as a lost connection
                }
            }
        }, "database-proxy");
        accept.setDaemon(true);
        accept.start();
        System.setProperty(SWITCH, "open");
        Thread watch = new Thread(() -> {
            while (!"cut".equals(System.getProperty(SWITCH))) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
            closeAll();
            System.setProperty(SWITCH, "closed");
        }, "database-proxy-switch");
        watch.setDaemon(true);
        watch.start();
        return Map.of("tribu.db.url", "//127.0.0.1:" + listener.getLocalPort() + "/analytics_test");
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                close(from);
                close(to);
            }
        }, "database-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** The database goes away: open connections are closed, new ones refused. */
    public static void cut() throws InterruptedException {
        System.setProperty(SWITCH, "cut");
        for (int i = 0; i < 500 && !"closed".equals(System.getProperty(SWITCH)); i++) {
            Thread.sleep(20);
        }
        if (!"closed".equals(System.getProperty(SWITCH))) {
            throw new IllegalStateException("the database proxy did not close");
        }
    }

    private void closeAll() {
        close(listener);
        sockets.forEach(DatabaseProxy::close);
        sockets.clear();
    }

    private static void close(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // already closed
        }
    }

    @Override
    public void stop() {
        System.setProperty(SWITCH, "cut");
        closeAll();
    }
}

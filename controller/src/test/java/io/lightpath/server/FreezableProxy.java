package io.lightpath.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;

/**
 * A loopback TCP proxy for one connection that can go silent, like a peer whose host vanished
 * without a FIN or RST: once {@link #freeze}d it keeps reading both sides but forwards nothing.
 * {@link #upstreamClosed} counts down when the upstream server closes its side.
 */
final class FreezableProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int upstreamPort;
  private volatile boolean frozen;
  private volatile Socket client;
  private volatile Socket upstream;
  final CountDownLatch upstreamClosed = new CountDownLatch(1);

  FreezableProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  void freeze() {
    frozen = true;
  }

  private void accept() {
    try {
      client = listener.accept();
      upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
      pump(client.getInputStream(), upstream.getOutputStream(), null);
      pump(upstream.getInputStream(), client.getOutputStream(), upstreamClosed);
    } catch (IOException e) {
      // closed
    }
  }

  private void pump(InputStream in, OutputStream out, CountDownLatch onEof) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          if (!frozen) {
            out.write(buffer, 0, n);
            out.flush();
          }
        }
      } catch (IOException e) {
        // a reset counts as closed too
      }
      if (onEof != null) {
        onEof.countDown();
      }
    }, "proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : new Socket[] {client, upstream}) {
      if (s != null) {
        s.close();
      }
    }
  }
}

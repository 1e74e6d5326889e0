package io.lightpath.southbound.emulator.tls;

import io.lightpath.southbound.emulator.LabOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Generates a throw-away self-signed server certificate for {@code localhost} / {@code 127.0.0.1}
 * with the JDK's keytool, as PEM files for {@link LabOptions#withTls}. For labs and tests only:
 * clients trust the returned certificate file directly.
 */
public final class SelfSignedTls {
  // Protects only the transient keystore that is deleted right after export.
  private static final char[] TRANSIENT_STORE_PASSWORD = "lab-transient".toCharArray();

  private SelfSignedTls() {}

  /** Writes {@code server.crt} and {@code server.key} (PKCS#8) into {@code dir}. */
  public static LabOptions.TlsFiles generate(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path store = dir.resolve("server.p12");
    Files.deleteIfExists(store);
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    List<String> cmd = List.of(keytool, "-genkeypair", "-alias", "lab", "-keyalg", "EC",
        "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", new String(TRANSIENT_STORE_PASSWORD),
        "-keypass", new String(TRANSIENT_STORE_PASSWORD), "-noprompt");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        throw new IOException("keytool failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroy();
      throw new IOException("interrupted while generating a certificate", e);
    }
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, TRANSIENT_STORE_PASSWORD);
      Certificate cert = ks.getCertificate("lab");
      Key key = ks.getKey("lab", TRANSIENT_STORE_PASSWORD);
      Path crt = dir.resolve("server.crt");
      Path keyFile = dir.resolve("server.key");
      Files.writeString(crt, pem("CERTIFICATE", cert.getEncoded()));
      Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
      return new LabOptions.TlsFiles(crt, keyFile);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read generated keystore", e);
    } finally {
      Files.deleteIfExists(store);
    }
  }

  private static String pem(String type, byte[] der) {
    String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
  }
}

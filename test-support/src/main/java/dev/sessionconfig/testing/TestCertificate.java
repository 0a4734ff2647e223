package dev.sessionconfig.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import redis.clients.jedis.SslOptions;

/**
 * A self-signed certificate for {@code 127.0.0.1} only (not {@code localhost}), made with the running JDK's
 * keytool so the tests need no openssl, written as the PEM files servers read (redis-server's
 * {@code --tls-cert-file}, {@code --tls-key-file}), plus a PKCS#12 trust store for the clients.
 */
public final class TestCertificate {
  private static final char[] STORE_PASSWORD = "changeit".toCharArray();

  private final Path certificateFile;
  private final Path keyFile;
  private final Path trustStore;

  private TestCertificate(Path certificateFile, Path keyFile, Path trustStore) {
    this.certificateFile = certificateFile;
    this.keyFile = keyFile;
    this.trustStore = trustStore;
  }

  /** Generates a key pair and its certificate in {@code directory}. */
  public static TestCertificate create(Path directory) throws IOException, GeneralSecurityException, InterruptedException {
    Path store = directory.resolve("redis.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "redis",
        "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1",
        "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(STORE_PASSWORD)))
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, STORE_PASSWORD);
    }
    Certificate certificate = keyStore.getCertificate("redis");
    Path certificateFile = directory.resolve("redis.crt");
    Path keyFile = directory.resolve("redis.key");
    Files.writeString(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
    // PKCS#8, which OpenSSL and so redis-server read as "BEGIN PRIVATE KEY".
    Files.writeString(keyFile, pem("PRIVATE KEY", keyStore.getKey("redis", STORE_PASSWORD).getEncoded()));
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("redis", certificate);
    Path trustStore = directory.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(trustStore)) {
      trusted.store(out, STORE_PASSWORD);
    }
    return new TestCertificate(certificateFile, keyFile, trustStore);
  }

  /** The certificate, PEM. */
  public Path certificateFile() {
    return certificateFile;
  }

  /** The private key, PEM (PKCS#8). */
  public Path keyFile() {
    return keyFile;
  }

  /** A PKCS#12 trust store holding this certificate only; its password is {@link #trustStorePassword()}. */
  public Path trustStore() {
    return trustStore;
  }

  public char[] trustStorePassword() {
    return STORE_PASSWORD.clone();
  }

  /** A TLS context that trusts this certificate and nothing else. */
  public SSLContext sslContext() throws IOException, GeneralSecurityException {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(trustStore)) {
      trusted.load(in, STORE_PASSWORD);
    }
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustManagers.getTrustManagers(), null);
    return context;
  }

  /**
   * Jedis TLS options that trust this certificate and nothing else, verifying the host name too. Needs Jedis on
   * the class path (an optional dependency of this module: the Redis tests have it).
   */
  public SslOptions trustingOptions() {
    return SslOptions.builder().truststore(trustStore.toFile(), STORE_PASSWORD).trustStoreType("PKCS12")
        .build();
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}

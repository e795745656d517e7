package org.zhengwu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.zhengwu.ZhengwuApplication;
import org.zhengwu.licence.document.LicenceContent;
import org.zhengwu.licence.document.LicenceDocuments;
import org.zhengwu.licence.document.Verification;
import org.zhengwu.shared.crypto.Sm2;

/**
 * Licence files next to their raw limit, in one run on one machine: an SM2 signature and its verification alone
 * (BouncyCastle through {@link Sm2}, a 1 KB message), and {@link LicenceDocuments#issue} (lay out, seal, pack) and
 * {@link LicenceDocuments#verify} of a business licence, on the platform started with a throw-away embedded database.
 * bench/licence.sh runs it with {@code -t max} (every core) and prints the ratios the issue sets as targets.
 *
 * <p>Each licence path runs in one JMH group with its raw limit, one thread each, at the same time in the same fork
 * ({@code sign}: sm2Sign beside licenceIssue; {@code verify}: sm2Verify beside licenceVerify), so a ratio compares
 * two rates measured over the same seconds of a shared machine rather than two moments minutes apart.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
        value = 1,
        jvmArgs = {"-Xms512m", "-Xmx1g"})
public class LicenceLimits {

    private static final String IDENTIFIER =
            "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U";

    private ConfigurableApplicationContext platform;
    private LicenceDocuments documents;
    private LicenceContent content;
    private byte[] issued;
    private byte[] key;
    private byte[] publicKey;
    private byte[] message;
    private byte[] signature;

    @Setup
    public void setUp() throws Exception {
        Path data = Files.createTempDirectory("licence-bench");
        platform = new SpringApplicationBuilder(ZhengwuApplication.class)
                .properties(
                        "server.port=0",
                        "zhengwu.embedded-db.ephemeral=true",
                        "zhengwu.crypto.key-dir=" + data.resolve("keys"),
                        "zhengwu.files.directory=" + data.resolve("files"),
                        "zhengwu.audit.anchor-file=" + data.resolve("anchors.log"),
                        "zhengwu.demo-data.enabled=false",
                        "logging.level.root=WARN")
                .run();
        documents = platform.getBean(LicenceDocuments.class);
        content = new LicenceContent(
                IDENTIFIER,
                "营业执照",
                "20260000123",
                1,
                "合肥市庐阳区张记小吃店",
                "92340103MA2TXXXX1B",
                "统一社会信用代码",
                "合肥市庐阳区市场监督管理局",
                "11340100MB1234567X",
                LocalDate.of(2026, 11, 21),
                LocalDate.of(2026, 11, 21),
                null,
                List.of(
                        new LicenceContent.Line("类型", "个体工商户"),
                        new LicenceContent.Line("经营者", "张三"),
                        new LicenceContent.Line("经营场所", "安徽省合肥市庐阳区长江中路 88 号 1 层 101 室"),
                        new LicenceContent.Line("经营范围", "许可项目：食品销售；餐饮服务。一般项目：食用农产品零售")),
                "https://zhengwu.example.gov.cn/licences/verification?identifier=" + IDENTIFIER,
                "certificate");
        issued = documents.issue(content);
        if (!documents.verify(issued).valid()) {
            throw new IllegalStateException("the bench licence does not verify");
        }
        key = Sm2.newPrivateKey();
        publicKey = Sm2.publicKey(key);
        message = new byte[1024];
        signature = Sm2.sign(key, message);
    }

    @TearDown
    public void tearDown() {
        platform.close();
    }

    @Benchmark
    @Group("sign")
    @GroupThreads(1)
    public byte[] sm2Sign() {
        return Sm2.sign(key, message);
    }

    @Benchmark
    @Group("verify")
    @GroupThreads(1)
    public boolean sm2Verify() {
        return Sm2.verify(publicKey, message, signature);
    }

    @Benchmark
    @Group("sign")
    @GroupThreads(1)
    public byte[] licenceIssue() {
        return documents.issue(content);
    }

    @Benchmark
    @Group("verify")
    @GroupThreads(1)
    public Verification licenceVerify() {
        return documents.verify(issued);
    }
}

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * For bench/crash-drill.sh: prints, one a line, the acknowledged usernames (file in args[1]) that the embedded
 * database of the running application (PostgreSQL data directory in args[0]) does not hold. The port is read from
 * postmaster.pid; the superuser password from the secret file next to it, when the cluster has one.
 */
public class DrillCount {
    public static void main(String[] args) throws Exception {
        Path pg = Path.of(args[0]);
        String port = Files.readAllLines(pg.resolve("postmaster.pid")).get(3).strip();
        Path secret = pg.resolve("superuser.password");
        String password = Files.exists(secret) ? Files.readString(secret).strip() : "";
        List<String> acknowledged = Files.readAllLines(Path.of(args[1]));
        Set<String> present = new HashSet<>();
        try (var connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/zhengwu", "postgres", password);
                var statement = connection.prepareStatement(
                        "SELECT username FROM identity_account WHERE username = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("varchar", acknowledged.toArray()));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    present.add(rows.getString(1));
                }
            }
        }
        acknowledged.stream().filter(name -> !present.contains(name)).forEach(System.out::println);
    }
}

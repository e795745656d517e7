/** Prints the ISO 7064 check character of the 17 digits in system property zhengwu.id17 (for bench scripts). */
public class CheckCharacter {
    public static void main(String[] args) {
        System.out.print(org.zhengwu.shared.codes.CitizenIdNumber.checkCharacter(System.getProperty("zhengwu.id17")));
    }
}

package org.zhengwu.basedata;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.zhengwu.shared.web.UserFacingException;

/** A draft record was refused; {@link #problems()} names every bad field. Nothing was saved. */
public class RecordRefusedException extends UserFacingException {

    private final transient List<RecordProblem> problems;

    public RecordRefusedException(List<RecordProblem> problems) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                problems.get(0).messageKey(),
                problems.get(0).argumentArray());
        this.problems = List.copyOf(problems);
    }

    public List<RecordProblem> problems() {
        return problems;
    }
}

package io.tribu.platform.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * At most {@link #LISTED} violations in a problem, the rest counted in {@code violationsOmitted}: a body of 100,000
 * bad items made a service answer (and log, in one line) 100,000 violations, 3.3 s of an event loop that a client
 * could ask for again and again. Applied to every problem the problem library answers (constraint violations, and the
 * {@link Problems#invalid} of the services), before its logger, so the log line is capped too. A request shape that
 * can hold that many (a list validated item by item) should also refuse its size first.
 */
@Singleton
public class ViolationCap implements ProblemPostProcessor {

    static final int LISTED = 100;
    static final String VIOLATIONS = "violations";
    static final String OMITTED = "violationsOmitted";
    /** The library's logger runs at 101: a larger priority runs first. */
    private static final int BEFORE_THE_LOGGER = 200;

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (!(problem.getParameters().get(VIOLATIONS) instanceof List<?> violations) || violations.size() <= LISTED) {
            return problem;
        }
        return HttpProblem.builder(problem)
                .with(VIOLATIONS, new ArrayList<>(violations.subList(0, LISTED)))
                .with(OMITTED, violations.size() - LISTED)
                .build();
    }

    @Override
    public int priority() {
        return BEFORE_THE_LOGGER;
    }
}

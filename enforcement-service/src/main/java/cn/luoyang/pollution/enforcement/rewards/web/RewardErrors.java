package cn.luoyang.pollution.enforcement.rewards.web;

import cn.luoyang.pollution.enforcement.rewards.InvalidAmount;
import cn.luoyang.pollution.enforcement.rewards.application.ClaimNotFound;
import cn.luoyang.pollution.kit.problems.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The reward desk's own refusals: unknown claim 404, an amount outside the rule 400 naming
 * {@code amountYuan}. A decided claim is a case-rule refusal (409) handled with the case API's.
 */
@RestControllerAdvice(assignableTypes = RewardController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RewardErrors {

    @ExceptionHandler(ClaimNotFound.class)
    ResponseEntity<ProblemDetail> notFound(ClaimNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(InvalidAmount.class)
    ResponseEntity<ProblemDetail> amount(InvalidAmount e) {
        return Problems.field(HttpStatus.BAD_REQUEST, "amount-out-of-range", "amountYuan", e.getMessage());
    }
}

package cn.luoyang.pollution.notification.web;

import cn.luoyang.pollution.kit.problems.ApiProblems;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Spring MVC's own failures on notification's APIs as problem details (the kit's one error body). */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors extends ApiProblems {
}

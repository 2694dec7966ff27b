package cn.luoyang.pollution.kit.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Spring MVC's failures and a service's own refusals leave through the same RFC 9457 body. */
class ApiProblemsTest {

    record Order(String item, int count) {
    }

    static class Refused extends RuntimeException {
    }

    @RestController
    static class Orders {
        @PostMapping("/orders")
        String place(@RequestBody Order order) {
            return order.item();
        }

        @GetMapping("/orders")
        String list(@RequestParam int page) {
            return "page " + page;
        }

        @GetMapping("/refused")
        String refuse() {
            throw new Refused();
        }
    }

    @RestControllerAdvice
    static class OrderErrors extends ApiProblems {
        @ExceptionHandler(Refused.class)
        ResponseEntity<ProblemDetail> refused(Refused e) {
            return Problems.invalid("validation", List.of(new FieldError("item", "is sold out"), new FieldError("count", "too many")));
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Orders()).setControllerAdvice(new OrderErrors()).build();

    @Test
    void anUnreadableBodyNamesTheBody() throws Exception {
        mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content("{\"item\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:luoyang:problem:unreadable"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.reason").value("unreadable"))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void aMissingOrMistypedParameterNamesTheParameter() throws Exception {
        mvc.perform(get("/orders"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value("validation"))
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/orders").param("page", "first"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].message").value("must be int"));
    }

    @Test
    void aServiceRefusalCountsItsFields() throws Exception {
        mvc.perform(get("/refused"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.detail").value("2 invalid fields"))
                .andExpect(jsonPath("$.errors.length()").value(2));
    }

    @Test
    void otherMvcFailuresKeepTheirStatusWithAReason() throws Exception {
        mvc.perform(post("/orders").contentType(MediaType.TEXT_PLAIN).content("two apples"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.reason").value("unsupported-media-type"))
                .andExpect(jsonPath("$.errors").isEmpty());
    }

    @Test
    void oneFieldIsItsOwnDetail() {
        ProblemDetail body = Problems.field(HttpStatus.NOT_FOUND, "not-found", "id", "no such media").getBody();
        assertThat(body.getDetail()).isEqualTo("no such media");
        assertThat(body.getProperties()).containsEntry("reason", "not-found");
    }
}

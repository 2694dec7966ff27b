package cn.luoyang.pollution.kit.security;

import java.util.List;
import java.util.function.BiFunction;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets controllers take the signed-in person as a parameter of type {@code T} (the kit's {@link Caller}, a
 * service's own {@code Officer}): built from the request's authentication by {@code from}.
 */
public final class SignedInArgument {

    private SignedInArgument() {
    }

    public static <T> WebMvcConfigurer of(Class<T> type, BiFunction<Authentication, NativeWebRequest, T> from) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new HandlerMethodArgumentResolver() {
                    @Override
                    public boolean supportsParameter(MethodParameter parameter) {
                        return parameter.getParameterType() == type;
                    }

                    @Override
                    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                            NativeWebRequest request, WebDataBinderFactory binders) {
                        return from.apply(SecurityContextHolder.getContext().getAuthentication(), request);
                    }
                });
            }
        };
    }
}

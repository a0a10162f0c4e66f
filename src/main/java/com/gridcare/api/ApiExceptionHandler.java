package com.gridcare.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of GridCare's API into {@code application/problem+json}. Client mistakes
 * name the field at fault; server faults say nothing about the implementation.
 */
@RestControllerAdvice(basePackages = "com.gridcare")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    record FieldError(String field, String message) {}

    static ProblemDetail badRequest(List<FieldError> errors) {
        var detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        if (errors.isEmpty()) {
            errors = ex.getBindingResult().getGlobalErrors().stream()
                    .map(e -> new FieldError(e.getObjectName(), e.getDefaultMessage()))
                    .toList();
        }
        return ResponseEntity.badRequest().body(badRequest(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = new java.util.ArrayList<FieldError>();
        for (var result : ex.getParameterValidationResults()) {
            var prefix = result.getContainerIndex() != null ? "[" + result.getContainerIndex() + "]" : "";
            if (result instanceof org.springframework.validation.method.ParameterErrors parameterErrors
                    && parameterErrors.hasFieldErrors()) {
                for (var error : parameterErrors.getFieldErrors()) {
                    var field = prefix.isEmpty() ? error.getField() : prefix + "." + error.getField();
                    errors.add(new FieldError(field, error.getDefaultMessage()));
                }
            } else {
                var name = prefix.isEmpty() ? parameterName(result.getMethodParameter().getParameterName()) : prefix;
                result.getResolvableErrors().forEach(e -> errors.add(new FieldError(name, e.getDefaultMessage())));
            }
        }
        errors.sort(java.util.Comparator.comparing(FieldError::field));
        return ResponseEntity.badRequest().body(badRequest(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (tooLarge(ex)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(bodyTooLarge().getBody());
        }
        return ResponseEntity.badRequest().body(badRequest(List.of(unreadable(ex.getCause()))));
    }

    private static FieldError unreadable(@Nullable Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException e) {
            return new FieldError(path(e), "unknown field");
        }
        if (cause instanceof InvalidFormatException e && e.getTargetType() != null && e.getTargetType().isEnum()) {
            var allowed = Arrays.stream(e.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return new FieldError(path(e), "must be one of " + allowed);
        }
        if (cause instanceof MismatchedInputException e && !e.getPath().isEmpty()) {
            var type = e.getTargetType() == null ? "value" : describe(e.getTargetType());
            return new FieldError(path(e), "must be " + type);
        }
        if (cause instanceof JsonMappingException e && !e.getPath().isEmpty()) {
            return new FieldError(path(e), "has an invalid value");
        }
        if (cause instanceof JsonProcessingException e) {
            var location = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            return new FieldError("body", "is not well-formed JSON" + location);
        }
        return new FieldError("body", "is missing or not readable as JSON");
    }

    private static String describe(Class<?> type) {
        if (type == String.class) return "a string";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) return "a number";
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) return "an ISO-8601 date or time";
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "an array";
        if (Map.class.isAssignableFrom(type)) return "an object";
        if (type.isEnum()) return "one of " + Arrays.toString(type.getEnumConstants());
        return "an object";
    }

    private static String path(JsonMappingException e) {
        var sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String parameterName(@Nullable String name) {
        return name == null ? "parameter" : name;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.is5xxServerError()) {
            log.error("request failed", ex);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        var type = ex.getRequiredType() == null ? "a valid value" : describe(ex.getRequiredType());
        return ResponseEntity.badRequest().body(badRequest(List.of(new FieldError(ex.getName(), "must be " + type))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        var errors = ex.getConstraintViolations().stream()
                .map(v -> {
                    var path = v.getPropertyPath().toString();
                    return new FieldError(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
                })
                .toList();
        return ResponseEntity.badRequest().body(badRequest(errors));
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException ex) {
        return ResponseEntity.badRequest().body(badRequest(List.of(new FieldError(ex.field(), ex.reason()))));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
        return problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolationException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
        problem.setTitle("Refused by rule " + ex.rule());
        problem.setProperty("rule", ex.rule());
        problem.setProperty("field", ex.field());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(problem);
    }

    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingException ex) {
        return problem(HttpStatus.CONFLICT, "Conflict",
                "Someone else changed this at the same time; reload and try again");
    }

    private static boolean tooLarge(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.BodyTooLargeException) return true;
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> bodyTooLarge() {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", "body: the request body is larger than 1 MB");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (tooLarge(ex)) {
            // a streamed (chunked) body read as text by the controller passes the size limit while it is read
            return bodyTooLarge();
        }
        if (ex instanceof IllegalArgumentException && ex.getMessage() != null
                && ex.getMessage().startsWith("Content-Type cannot contain wildcard")) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "Content-Type: must be a concrete media type such as application/json");
        }
        if (DatabaseUnavailable.causes(ex)) {
            log.warn("request failed: database unavailable ({})", ex.getClass().getSimpleName());
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "GridCare cannot reach its database; nothing was changed. Retry with the same Idempotency-Key.");
            problem.setTitle("Service unavailable");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                    .body(problem);
        }
        log.error("request failed", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "GridCare could not complete the request; nothing was changed");
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}

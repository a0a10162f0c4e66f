package com.gridcare.api;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart body that cannot be parsed fails before Spring knows the operation, where
 * {@link ApiExceptionHandler} (scoped to GridCare's controllers) does not apply: answered here with
 * 400 naming the body, or 413 when it is over the upload limit, instead of the container's 500.
 */
@RestControllerAdvice
class MalformedMultipart {

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformed(MultipartException ex) {
        if (ex instanceof MaxUploadSizeExceededException) {
            return ApiExceptionHandler.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
                    "body: the upload is larger than the limit for rule files");
        }
        return ResponseEntity.badRequest().body(ApiExceptionHandler.badRequest(List.of(
                new ApiExceptionHandler.FieldError("body", "is not a well-formed multipart/form-data request"))));
    }
}

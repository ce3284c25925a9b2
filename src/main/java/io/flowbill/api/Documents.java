package io.flowbill.api;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.flowbill.export.DocumentFormat;

/**
 * How a document file is answered: its media type and file name, as the export wrote it; shown in the browser
 * (the API) or saved as a download (the portal).
 */
public final class Documents {

    private Documents() {
    }

    static MediaType mediaType(DocumentFormat format) {
        return switch (format) {
            case CSV -> new MediaType("text", "csv", StandardCharsets.UTF_8);
            case HTML -> new MediaType("text", "html", StandardCharsets.UTF_8);
            case PDF -> MediaType.APPLICATION_PDF;
        };
    }

    static ResponseEntity.BodyBuilder ok(DocumentFormat format, String fileName) {
        return answer(format, ContentDisposition.inline().filename(fileName).build());
    }

    /** The API's answer with a file: shown inline; a file that never changes has its ETag and may answer 304. */
    static ResponseEntity<byte[]> shown(DocumentFiles.File file, String ifNoneMatch) {
        ResponseEntity.BodyBuilder ok = ok(file.format(), file.fileName());
        return file.etag() == null ? Etags.changing(ok, file.bytes().get())
                : Etags.fixed(file.etag(), ifNoneMatch, ok, file.bytes());
    }

    /** The file as a download the browser saves under its export name. */
    public static ResponseEntity.BodyBuilder download(DocumentFormat format, String fileName) {
        return answer(format, ContentDisposition.attachment().filename(fileName).build());
    }

    private static ResponseEntity.BodyBuilder answer(DocumentFormat format, ContentDisposition disposition) {
        return ResponseEntity.ok().contentType(mediaType(format)).header("Content-Disposition",
                disposition.toString());
    }
}

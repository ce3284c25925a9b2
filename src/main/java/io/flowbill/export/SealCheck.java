package io.flowbill.export;

import java.io.PrintStream;
import java.util.Optional;

/**
 * The signatures part of {@code export --verify}: with a key ({@code --key-file}) each manifest's signature must hold
 * and an unsigned manifest fails; without one each manifest is reported as signed (not checked) or unsigned.
 */
final class SealCheck {

    private final VerifyingKey key;
    private int sealed;
    private int signedUnchecked;
    private int unsigned;

    /** {@code key} null: signatures are reported, not checked. */
    SealCheck(VerifyingKey key) {
        this.key = key;
    }

    /** Prints the manifest's line; returns false when its signature fails. */
    boolean check(Manifest manifest, String manifestFile, PrintStream out) {
        ManifestSignature signature = manifest.signature();
        if (key != null) {
            Optional<String> problem = key.problem(manifest);
            if (problem.isPresent()) {
                out.println("FAILED " + manifestFile + ": " + problem.get());
                return false;
            }
            out.println("sealed " + manifestFile + " (" + signature.algorithm() + " signature matches)");
            sealed++;
        }
        else if (signature != null) {
            out.println("signed " + manifestFile + " (" + signature.algorithm() + ", not checked: give --key-file to"
                    + " check it)");
            signedUnchecked++;
        }
        else {
            out.println("unsigned " + manifestFile + " (no signature: no flowbill.export.signing-key-file when it"
                    + " was written)");
            unsigned++;
        }
        return true;
    }

    /** The summary line of the signatures of {@code manifests} manifests. */
    String summary(int manifests) {
        if (key != null) {
            return "signatures (" + key.algorithm() + "): " + sealed + " of " + manifests + " manifests signed and"
                    + " matching";
        }
        return "signatures: not checked (no --key-file): " + signedUnchecked + " manifests signed, " + unsigned
                + " unsigned";
    }
}

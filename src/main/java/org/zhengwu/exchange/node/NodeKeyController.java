package org.zhengwu.exchange.node;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Base64;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public half of this node's delivery key, for subscribers and peer nodes to check signatures with. */
@RestController
@Tag(name = "共享交换 Exchange", description = "Publish/subscribe exchange of change records")
class NodeKeyController {

    /** The key as base64 of the uncompressed SM2 point, the algorithm and how deliveries carry the signature. */
    record PublicKey(String algorithm, String publicKey, String signatureHeader, String nodeHeader) {}

    private final NodeKey key;

    NodeKeyController(NodeKey key) {
        this.key = key;
    }

    @GetMapping("/api/v1/exchange/node-key")
    @Operation(
            summary = "This node's SM2 public key, which checks the signature of every delivery it sends",
            description =
                    "Public. The signature (SM2 with the default user id, DER, base64) of the request body's exact"
                            + " bytes is in the header X-Zhengwu-Signature.")
    PublicKey publicKey() {
        return new PublicKey(
                "SM2", Base64.getEncoder().encodeToString(key.publicKey()), Signatures.SIGNATURE, Signatures.NODE);
    }
}

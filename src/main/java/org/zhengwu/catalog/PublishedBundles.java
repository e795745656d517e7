package org.zhengwu.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.zhengwu.catalog.bundle.BundleRepository;

/**
 * Reads the published bundles (一件事) with the live entry of each member. A bundle one of whose entries is no longer
 * published cannot be applied for and is not listed: the portal and the cases module see it as unknown.
 */
@Service
public class PublishedBundles {

    private final BundleRepository repository;
    private final PublishedCatalog catalog;

    PublishedBundles(BundleRepository repository, PublishedCatalog catalog) {
        this.repository = repository;
        this.catalog = catalog;
    }

    public Optional<PublishedBundle> find(String code) {
        if (code == null || !code.matches("YJS[0-9]{9}")) {
            return Optional.empty();
        }
        return repository
                .find(code)
                .filter(BundleRepository.BundleRecord::published)
                .flatMap(this::live);
    }

    /** Every bundle that can be applied for, by region and code. */
    public List<PublishedBundle> all() {
        return repository.published().stream().flatMap(r -> live(r).stream()).toList();
    }

    private Optional<PublishedBundle> live(BundleRepository.BundleRecord record) {
        List<PublishedBundle.PublishedMember> members = new ArrayList<>();
        for (Bundle.Member member : record.bundle().members()) {
            if (!(catalog.find(member.implementationCode()) instanceof PublishedCatalog.Lookup.Live live)) {
                return Optional.empty();
            }
            members.add(new PublishedBundle.PublishedMember(member, live.item()));
        }
        return Optional.of(new PublishedBundle(record.bundle(), members, record.publishedAt()));
    }
}

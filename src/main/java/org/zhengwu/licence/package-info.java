/**
 * 电子证照: licence types (GB/T 36902 目录信息), licences issued as OFD files (GB/T 33190) under the issuing
 * organisation's SM2 electronic seal (GB/T 38540), GB/T 36904 identifiers, public verification, the holder's licences
 * and their authorised use, and licences that stand in for materials an applicant would otherwise upload. A licence is
 * issued when a case that yields one is decided 准予 ({@code cases.CaseDecided}).
 */
@ApplicationModule(
        displayName = "电子证照 Licences",
        allowedDependencies = {"basedata", "identity", "catalog", "cases", "shared::*"})
package org.zhengwu.licence;

import org.springframework.modulith.ApplicationModule;

package com.gridcare.security;

import com.gridcare.testsupport.DirectoryTest;

/**
 * The authorization matrix, unchanged, with every test user a directory user (one per GridCare group,
 * in directory groups that GridCare's are mapped from): who may do what does not depend on where users
 * and groups come from. The administrator still creates local accounts (the matrix's user/create).
 */
@DirectoryTest
class DirectoryAuthorizationMatrixTest extends AuthorizationMatrixTest {
}

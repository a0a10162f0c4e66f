/**
 * Task completion through GridCare's API for staff ({@code POST /api/v1/tasks/{taskId}/complete}):
 * the submitted variables are checked against the task's Camunda Form, only the assignee or a
 * candidate may complete, and a completion that loses a race gets 409, never 500.
 */
package com.gridcare.tasks;

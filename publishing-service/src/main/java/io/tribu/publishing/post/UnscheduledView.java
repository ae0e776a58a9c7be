package io.tribu.publishing.post;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The brand's posts without a planned time (ideas and drafts with no slot yet), newest first. */
@Schema(name = "UnscheduledView")
public record UnscheduledView(String brandId, List<PostView> posts) {
}
